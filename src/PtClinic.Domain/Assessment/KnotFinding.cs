using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;

namespace PtClinic.Domain.Assessment;

/// <summary>
/// What the therapist felt at one knot (myofascial trigger point). The site — muscle, side and third —
/// is the knot's identity across visits; the rest is how it presented today.
/// </summary>
/// <param name="Tenderness">Pain on pressure, 0–10.</param>
/// <param name="PressurePainThreshold">Pressure (kg/cm², algometer) at which pressure turns to pain; optional.</param>
/// <param name="SizeMm">Longest diameter felt, in millimetres; optional.</param>
/// <param name="IsActive">Active knots cause the patient's pain; latent ones only hurt when pressed.</param>
/// <param name="LocalTwitchResponse">A visible or felt twitch of the taut band on snapping palpation.</param>
/// <param name="ReferredPain">Areas where pressing reproduces pain away from the knot.</param>
public sealed record KnotPresentation(
    int Tenderness,
    decimal? PressurePainThreshold,
    int? SizeMm,
    bool IsActive,
    bool LocalTwitchResponse,
    IReadOnlyCollection<ReferredPainArea> ReferredPain)
{
    public const int MaxTenderness = 10;
    public const decimal MaxPressurePainThreshold = 20m;
    public const int MaxSizeMm = 100;

    internal KnotPresentation Checked()
    {
        if (Tenderness is < 0 or > MaxTenderness)
        {
            throw new DomainException($"Tenderness must be rated 0 to {MaxTenderness}.");
        }

        if (PressurePainThreshold is { } ppt && (ppt <= 0 || ppt > MaxPressurePainThreshold))
        {
            throw new DomainException($"The pressure-pain threshold must be more than 0 and at most {MaxPressurePainThreshold} kg/cm².");
        }

        if (SizeMm is < 1 or > MaxSizeMm)
        {
            throw new DomainException($"The knot's size must be 1 to {MaxSizeMm} mm.");
        }

        return this with { ReferredPain = [.. (ReferredPain ?? []).Distinct().Order()] };
    }
}

/// <summary>A knot found at a visit: where it is, and how it presented. Part of the visit's assessment.</summary>
public sealed class KnotFinding : ITenantOwned
{
    private KnotFinding()
    {
        MuscleCode = string.Empty;
        ReferredPain = [];
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The patient, copied from the assessment: the knot history is read by patient and site.</summary>
    public Guid PatientId { get; private set; }

    /// <summary>When the visit began, copied from it so the history is ordered without a join.</summary>
    public DateTimeOffset VisitStartsAt { get; private set; }

    /// <summary>The catalog muscle (<see cref="Muscle.Code"/>).</summary>
    public string MuscleCode { get; private set; }

    public BodySide Side { get; private set; }

    public MuscleZone Zone { get; private set; }

    public int Tenderness { get; private set; }

    public decimal? PressurePainThreshold { get; private set; }

    public int? SizeMm { get; private set; }

    public bool IsActive { get; private set; }

    public bool LocalTwitchResponse { get; private set; }

    public IReadOnlyList<ReferredPainArea> ReferredPain { get; private set; }

    public KnotSiteKey Site => new(MuscleCode, Side, Zone);

    internal static KnotFinding Record(VisitAssessment assessment, string muscleCode, BodySide side, MuscleZone zone, KnotPresentation presentation, DateTimeOffset at)
    {
        EnsureSite(muscleCode, side, zone);

        var knot = new KnotFinding
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = assessment.ClinicId,
            AssessmentId = assessment.Id,
            PatientId = assessment.PatientId,
            VisitStartsAt = assessment.VisitStartsAt,
            MuscleCode = muscleCode,
            Side = side,
            Zone = zone,
        };
        knot.Present(presentation);
        return knot;
    }

    /// <summary>A site is a catalog muscle, the left or right side, and one of its thirds.</summary>
    internal static void EnsureSite(string muscleCode, BodySide side, MuscleZone zone)
    {
        if (MuscleCatalog.All.All(m => m.Code != muscleCode))
        {
            throw new DomainException($"\"{muscleCode}\" is not a muscle of the catalog.");
        }

        if (side is not (BodySide.Left or BodySide.Right))
        {
            throw new DomainException("A knot is on the left or the right side.");
        }

        if (!Enum.IsDefined(zone))
        {
            throw new DomainException("Name the third of the muscle the knot is in.");
        }
    }

    internal void Present(KnotPresentation presentation)
    {
        var checkedPresentation = presentation.Checked();
        Tenderness = checkedPresentation.Tenderness;
        PressurePainThreshold = checkedPresentation.PressurePainThreshold;
        SizeMm = checkedPresentation.SizeMm;
        IsActive = checkedPresentation.IsActive;
        LocalTwitchResponse = checkedPresentation.LocalTwitchResponse;
        ReferredPain = [.. checkedPresentation.ReferredPain];
    }
}
