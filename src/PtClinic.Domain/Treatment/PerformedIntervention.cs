using PtClinic.Domain.Common;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// An intervention the therapist gave at a visit, for how many minutes. Its name, billing and CPT
/// code are copied from the catalog entry as it was then, so an edited or retired entry never
/// changes what a signed note says was done and billed.
/// </summary>
public sealed class PerformedIntervention : ITenantOwned
{
    public const int MinMinutes = 1;

    /// <summary>Two hours: no single intervention of a visit takes longer.</summary>
    public const int MaxMinutes = Dose.MaxMinutes;

    public const int NotesMaxLength = 500;

    private PerformedIntervention()
    {
        InterventionCode = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid TreatmentId { get; private set; }

    public string InterventionCode { get; private set; }

    public string Name { get; private set; }

    public BillingKind Billing { get; private set; }

    public string? CptCode { get; private set; }

    public int Minutes { get; private set; }

    /// <summary>The dose given or anything worth noting ("3 × 12, slow lowering").</summary>
    public string? Notes { get; private set; }

    /// <summary>The written reason it was given despite a relative contraindication; null when none applied.</summary>
    public string? Justification { get; private set; }

    public DateTimeOffset PerformedAt { get; private set; }

    public BillableService? AsBillable() => CptCode is { } cpt && Billing != BillingKind.NotBilled
        ? new BillableService(cpt, Billing, Minutes)
        : null;

    internal static PerformedIntervention Record(
        VisitTreatment treatment, InterventionDefinition intervention, int minutes, string? notes, string? justification, DateTimeOffset at)
    {
        if (minutes is < MinMinutes or > MaxMinutes)
        {
            throw new DomainException($"Minutes must be {MinMinutes} to {MaxMinutes}.");
        }

        return new PerformedIntervention
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = treatment.ClinicId,
            TreatmentId = treatment.Id,
            InterventionCode = intervention.Code,
            Name = intervention.Name,
            Billing = intervention.Billing,
            CptCode = intervention.Billing == BillingKind.NotBilled ? null : intervention.CptCode,
            Minutes = minutes,
            Notes = Guard.Optional(notes, "The notes", NotesMaxLength),
            Justification = justification,
            PerformedAt = at,
        };
    }
}
