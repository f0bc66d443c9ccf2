using System.Text;
using PtClinic.Domain.Common;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// A clinic's own catalog entry: an exercise it added, or its edit of a seeded entry (same code),
/// which replaces the seeded one for that clinic only. Nothing in the catalog is deleted: plans and
/// signed notes point at its codes, so an entry the clinic no longer uses is retired, and stays
/// readable wherever it was prescribed.
/// </summary>
public sealed class ClinicIntervention : ITenantOwned
{
    private ClinicIntervention()
    {
        Code = Name = PatientWording = Precautions = string.Empty;
        DefaultDose = Dose.None;
        Contraindications = [];
        ChangedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string Code { get; private set; }

    /// <summary>This row is the clinic's edit of the seeded entry with the same code.</summary>
    public bool ReplacesSeeded { get; private set; }

    public string Name { get; private set; }

    public InterventionCategory Category { get; private set; }

    public Performer Performer { get; private set; }

    public Dose DefaultDose { get; private set; }

    public string PatientWording { get; private set; }

    public string Precautions { get; private set; }

    public IReadOnlyList<InterventionContraindication> Contraindications { get; private set; }

    public BillingKind Billing { get; private set; }

    public string? CptCode { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public StaffRef ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public InterventionDefinition Definition =>
        new(Code, Name, Category, Performer, DefaultDose, PatientWording, Precautions, Contraindications, Billing, CptCode);

    /// <summary>
    /// A new exercise of the clinic's own. Its code is made from its name, kept clear of the seeded
    /// codes and the clinic's other entries (<paramref name="takenCodes"/>).
    /// </summary>
    public static ClinicIntervention Add(Guid clinicId, InterventionDefinition definition, IReadOnlySet<string> takenCodes, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(takenCodes);
        var code = CodeFor(definition.Name, takenCodes);
        var entry = new ClinicIntervention { Id = Guid.CreateVersion7(at), ClinicId = clinicId };
        entry.Apply(definition with { Code = code }, by, at);
        return entry;
    }

    /// <summary>
    /// The clinic's edit of a seeded entry. The seeded contraindications are a floor: an edit may add
    /// one or make a relative one absolute, never remove or soften one, since the safety rules rely on
    /// them (a clinic that disagrees changes the seeded catalog with a migration, for everyone).
    /// </summary>
    public static ClinicIntervention EditSeeded(Guid clinicId, InterventionDefinition seeded, InterventionDefinition edited, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(seeded);
        ArgumentNullException.ThrowIfNull(edited);
        var entry = new ClinicIntervention { Id = Guid.CreateVersion7(at), ClinicId = clinicId, ReplacesSeeded = true };
        entry.Apply(Floored(seeded, edited with { Code = seeded.Code }), by, at);
        return entry;
    }

    /// <summary>Edits the entry; <paramref name="seeded"/> is the seeded entry it replaces, if it does.</summary>
    public void Edit(InterventionDefinition edited, InterventionDefinition? seeded, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(edited);
        if (ReplacesSeeded != seeded is not null)
        {
            throw new DomainException("The seeded entry this one replaces is needed to edit it.");
        }

        var next = edited with { Code = Code };
        Apply(seeded is null ? next : Floored(seeded, next), by, at);
    }

    public void Retire(StaffRef by, DateTimeOffset at)
    {
        if (IsRetired)
        {
            throw new DomainException($"{Name} is already retired.");
        }

        RetiredAt = at;
        ChangedBy = by;
        ChangedAt = at;
    }

    public void Reinstate(StaffRef by, DateTimeOffset at)
    {
        if (!IsRetired)
        {
            throw new DomainException($"{Name} is in use; only a retired entry can be reinstated.");
        }

        RetiredAt = null;
        ChangedBy = by;
        ChangedAt = at;
    }

    /// <summary>Retiring a seeded entry: the clinic's copy of it, retired.</summary>
    public static ClinicIntervention RetireSeeded(Guid clinicId, InterventionDefinition seeded, StaffRef by, DateTimeOffset at)
    {
        var entry = EditSeeded(clinicId, seeded, seeded, by, at);
        entry.Retire(by, at);
        return entry;
    }

    private void Apply(InterventionDefinition definition, StaffRef by, DateTimeOffset at)
    {
        var checkedDefinition = definition.Checked();
        Code = checkedDefinition.Code;
        Name = checkedDefinition.Name;
        Category = checkedDefinition.Category;
        Performer = checkedDefinition.Performer;
        DefaultDose = checkedDefinition.DefaultDose;
        PatientWording = checkedDefinition.PatientWording;
        Precautions = checkedDefinition.Precautions;
        Contraindications = checkedDefinition.Contraindications;
        Billing = checkedDefinition.Billing;
        CptCode = checkedDefinition.CptCode;
        ChangedBy = by;
        ChangedAt = at;
    }

    private static InterventionDefinition Floored(InterventionDefinition seeded, InterventionDefinition edited)
    {
        var kept = (edited.Contraindications ?? []).ToDictionary(c => c.Code, c => c.Severity);
        foreach (var required in seeded.Contraindications)
        {
            if (!kept.TryGetValue(required.Code, out var severity) || severity > required.Severity)
            {
                throw new DomainException(
                    $"{seeded.Name} keeps its contraindication \"{SafetyRules.For(required.Code).Finding}\" as {Describe(required.Severity)}: the safety rules rely on it.");
            }
        }

        return edited;
    }

    private static string Describe(ContraindicationSeverity severity) =>
        severity == ContraindicationSeverity.Absolute ? "blocking" : "needing a justification";

    private static string CodeFor(string? name, IReadOnlySet<string> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().Trim('-');
        stem = stem.Length == 0 ? "exercise" : stem[..Math.Min(stem.Length, InterventionDefinition.CodeMaxLength - 4)].TrimEnd('-');
        var code = stem;
        for (var n = 2; taken.Contains(code); n++)
        {
            code = $"{stem}-{n}";
        }

        return code;
    }
}
