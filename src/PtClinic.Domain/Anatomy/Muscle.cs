using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Anatomy;

/// <summary>The thirds of a muscle's length a knot finding names, from its origin to its insertion.</summary>
public enum MuscleZone
{
    ProximalThird,
    MiddleThird,
    DistalThird,
}

/// <summary>
/// A muscle of the catalog a knot finding points at (FHIR BodyStructure). Reference data: the same
/// for every clinic, seeded by a migration from <see cref="MuscleCatalog"/>.
/// </summary>
public sealed class Muscle
{
    public const int CodeMaxLength = 48;
    public const int NameMaxLength = 80;

    private Muscle()
    {
        Code = Name = Group = string.Empty;
    }

    public Muscle(string code, string name, string group, BodyRegion region, int sortOrder)
    {
        Code = code;
        Name = name;
        Group = group;
        Region = region;
        SortOrder = sortOrder;
    }

    /// <summary>Stable key, e.g. "biceps-femoris-long-head"; findings and the body chart refer to it.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The group a therapist names it by: "Hamstrings", "Gluteals", "Calf", "Lower back".</summary>
    public string Group { get; private set; }

    public BodyRegion Region { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Every catalog muscle is charted by thirds of its length.</summary>
    public static IReadOnlyList<MuscleZone> Zones { get; } = Enum.GetValues<MuscleZone>();
}
