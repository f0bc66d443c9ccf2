using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Treatment;

/// <summary>How the needle was worked once in the muscle.</summary>
public enum DryNeedlingTechnique
{
    /// <summary>Fast in, fast out: repeated in and out of the taut band to draw local twitches.</summary>
    Pistoning,

    /// <summary>Left in place for a few minutes.</summary>
    Static,

    /// <summary>Turned in place to wind the tissue.</summary>
    Rotation,
}

public enum AdverseEventKind
{
    Bruising,
    Bleeding,
    PostNeedlingSoreness,
    Fainting,
    Other,
}

public enum AdverseEventSeverity
{
    Minor,
    Moderate,
    Severe,
}

/// <summary>
/// A site needled: one of the knots charted at this visit (muscle, side and third), and whether the
/// needle drew a local twitch response there.
/// </summary>
public sealed record DryNeedlingSite(Guid KnotId, string MuscleCode, BodySide Side, MuscleZone Zone, bool LocalTwitchResponse);

/// <summary>Something that went wrong during or right after needling, how bad, and what was done.</summary>
public sealed record AdverseEvent(AdverseEventKind Kind, AdverseEventSeverity Severity, string? Description, string? ActionTaken)
{
    public const int DescriptionMaxLength = 300;
    public const int ActionTakenMaxLength = 300;

    internal AdverseEvent Checked()
    {
        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Severity))
        {
            throw new DomainException("Choose the adverse event and its severity from the list.");
        }

        var description = Guard.Optional(Description, "The description of the adverse event", DescriptionMaxLength);
        if (Kind == AdverseEventKind.Other && description is null)
        {
            throw new DomainException("Describe the other adverse event.");
        }

        return this with { Description = description, ActionTaken = Guard.Optional(ActionTaken, "The action taken", ActionTakenMaxLength) };
    }
}

/// <summary>What the therapist records of a dry-needling session, before it is checked.</summary>
public sealed record DryNeedlingDetails(
    int NeedleCount,
    decimal NeedleGaugeMm,
    int NeedleLengthMm,
    string LotNumber,
    DryNeedlingTechnique Technique,
    string? ImmediateResponse,
    IReadOnlyList<AdverseEvent> AdverseEvents)
{
    public const int MaxNeedles = 30;
    public const decimal MinGaugeMm = 0.12m;
    public const decimal MaxGaugeMm = 0.50m;
    public const int MinLengthMm = 10;
    public const int MaxLengthMm = 125;
    public const int LotNumberMaxLength = 40;
    public const int ImmediateResponseMaxLength = 500;
    public const int MaxAdverseEvents = 5;
}

/// <summary>
/// A dry-needling session at a visit (FHIR Procedure): which charted knots were needled, with what
/// needles (count, diameter, length and lot, for tracing a faulty batch), how, how the patient
/// responded and any adverse event. It bills 20560 for one or two muscles, 20561 for three or more.
/// </summary>
public sealed class DryNeedlingProcedure : ITenantOwned
{
    public const string OneOrTwoMusclesCpt = "20560";
    public const string ThreeOrMoreMusclesCpt = "20561";
    public const int MaxSites = 12;

    private DryNeedlingProcedure()
    {
        LotNumber = string.Empty;
        Sites = [];
        AdverseEvents = [];
        PerformedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid TreatmentId { get; private set; }

    public IReadOnlyList<DryNeedlingSite> Sites { get; private set; }

    public int NeedleCount { get; private set; }

    /// <summary>Needle diameter in millimetres (0.25 mm is a common one).</summary>
    public decimal NeedleGaugeMm { get; private set; }

    public int NeedleLengthMm { get; private set; }

    public string LotNumber { get; private set; }

    public DryNeedlingTechnique Technique { get; private set; }

    public string? ImmediateResponse { get; private set; }

    public IReadOnlyList<AdverseEvent> AdverseEvents { get; private set; }

    /// <summary>Null when no relative contraindication applied.</summary>
    public string? Justification { get; private set; }

    public StaffRef PerformedBy { get; private set; }

    public DateTimeOffset PerformedAt { get; private set; }

    public int MusclesNeedled => Sites.Select(s => s.MuscleCode).Distinct().Count();

    public string CptCode => MusclesNeedled >= 3 ? ThreeOrMoreMusclesCpt : OneOrTwoMusclesCpt;

    public BillableService AsBillable() => new(CptCode, BillingKind.Untimed, 0);

    internal static DryNeedlingProcedure Record(
        VisitTreatment treatment, IReadOnlyList<DryNeedlingSite> sites, DryNeedlingDetails details, string? justification, StaffRef performer, DateTimeOffset at)
    {
        if (sites.Count == 0)
        {
            throw new DomainException("Pick at least one knot charted today to needle.");
        }

        if (sites.Count > MaxSites)
        {
            throw new DomainException($"Record at most {MaxSites} sites in one session.");
        }

        if (details.NeedleCount is < 1 or > DryNeedlingDetails.MaxNeedles)
        {
            throw new DomainException($"The number of needles must be 1 to {DryNeedlingDetails.MaxNeedles}.");
        }

        if (details.NeedleCount < sites.Count)
        {
            throw new DomainException("Each site needled takes at least one needle.");
        }

        if (details.NeedleGaugeMm is < DryNeedlingDetails.MinGaugeMm or > DryNeedlingDetails.MaxGaugeMm)
        {
            throw new DomainException($"The needle diameter must be {DryNeedlingDetails.MinGaugeMm} to {DryNeedlingDetails.MaxGaugeMm} mm.");
        }

        if (details.NeedleLengthMm is < DryNeedlingDetails.MinLengthMm or > DryNeedlingDetails.MaxLengthMm)
        {
            throw new DomainException($"The needle length must be {DryNeedlingDetails.MinLengthMm} to {DryNeedlingDetails.MaxLengthMm} mm.");
        }

        if (!Enum.IsDefined(details.Technique))
        {
            throw new DomainException("Choose the technique from the list.");
        }

        var events = details.AdverseEvents ?? [];
        if (events.Count > DryNeedlingDetails.MaxAdverseEvents)
        {
            throw new DomainException($"Record at most {DryNeedlingDetails.MaxAdverseEvents} adverse events.");
        }

        return new DryNeedlingProcedure
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = treatment.ClinicId,
            TreatmentId = treatment.Id,
            Sites = [.. sites],
            NeedleCount = details.NeedleCount,
            NeedleGaugeMm = details.NeedleGaugeMm,
            NeedleLengthMm = details.NeedleLengthMm,
            LotNumber = Guard.Required(details.LotNumber, "The lot number", DryNeedlingDetails.LotNumberMaxLength),
            Technique = details.Technique,
            ImmediateResponse = Guard.Optional(details.ImmediateResponse, "The immediate response", DryNeedlingDetails.ImmediateResponseMaxLength),
            AdverseEvents = [.. events.Select(e => e.Checked())],
            Justification = justification,
            PerformedBy = performer,
            PerformedAt = at,
        };
    }
}
