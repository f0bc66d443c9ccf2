using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Anatomy;

/// <summary>
/// The muscles the hamstring region is charted with: the three hamstrings and the neighbours that
/// knots and referred pain involve. The migration seeds exactly this list; change it with a migration.
/// </summary>
public static class MuscleCatalog
{
    public const string Hamstrings = "Hamstrings";

    public static IReadOnlyList<Muscle> All { get; } =
    [
        new("biceps-femoris-long-head", "Biceps femoris (long head)", Hamstrings, BodyRegion.PosteriorThigh, 10),
        new("biceps-femoris-short-head", "Biceps femoris (short head)", Hamstrings, BodyRegion.PosteriorThigh, 11),
        new("semitendinosus", "Semitendinosus", Hamstrings, BodyRegion.PosteriorThigh, 12),
        new("semimembranosus", "Semimembranosus", Hamstrings, BodyRegion.PosteriorThigh, 13),
        new("gluteus-maximus", "Gluteus maximus", "Gluteals", BodyRegion.Pelvis, 20),
        new("gluteus-medius", "Gluteus medius", "Gluteals", BodyRegion.Pelvis, 21),
        new("piriformis", "Piriformis", "Deep hip rotators", BodyRegion.Pelvis, 22),
        new("adductor-magnus", "Adductor magnus", "Adductors", BodyRegion.PosteriorThigh, 30),
        new("gastrocnemius", "Gastrocnemius", "Calf", BodyRegion.LowerLeg, 40),
        new("lumbar-paraspinals", "Lumbar paraspinals", "Lower back", BodyRegion.LowerBack, 50),
        new("quadratus-lumborum", "Quadratus lumborum", "Lower back", BodyRegion.LowerBack, 51),
    ];
}
