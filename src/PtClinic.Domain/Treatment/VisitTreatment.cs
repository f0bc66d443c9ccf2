using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Visits;

namespace PtClinic.Domain.Treatment;

/// <summary>A site the therapist picked to needle: a knot charted at this visit, and whether it twitched.</summary>
public sealed record NeedledKnot(Guid KnotId, bool LocalTwitchResponse);

/// <summary>
/// What a visit performed: the interventions given with their minutes, and the dry-needling session.
/// Each is checked against the safety rules with the context as it is when it is performed, and it
/// all freezes with the signed note (through <see cref="VisitNoteSigned"/>, as the assessment does);
/// the database refuses any change after.
/// </summary>
public sealed class VisitTreatment : ITenantOwned
{
    private readonly List<PerformedIntervention> _interventions = [];

    private VisitTreatment()
    {
        LastEditedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid PatientId { get; private set; }

    public IReadOnlyCollection<PerformedIntervention> Interventions => _interventions;

    public DryNeedlingProcedure? DryNeedling { get; private set; }

    public StaffRef LastEditedBy { get; private set; }

    public DateTimeOffset LastEditedAt { get; private set; }

    public DateTimeOffset? FrozenAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsFrozen => FrozenAt is not null;

    public static VisitTreatment Start(Visit visit, StaffRef author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(visit);
        Charting.EnsureVisitCanBeCharted(visit);
        return new VisitTreatment
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = visit.ClinicId,
            VisitId = visit.Id,
            EpisodeId = visit.EpisodeId,
            PatientId = visit.PatientId,
            LastEditedBy = author,
            LastEditedAt = at,
        };
    }

    /// <summary>
    /// Records an intervention given now. The safety rules run on <paramref name="safety"/> as it is
    /// at this moment: a blocking contraindication refuses it, a relative one needs the justification.
    /// </summary>
    public PerformedIntervention Perform(
        InterventionDefinition intervention, int minutes, string? notes, string? justification, SafetyContext safety, StaffRef performer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        EnsureOpen();
        if (intervention.Code == InterventionCatalog.DryNeedling)
        {
            throw new DomainException("Record dry needling from the body chart, with the knots needled.");
        }

        if (!intervention.IsClinicItem)
        {
            throw new DomainException($"{intervention.Name} is done at home; put it in the home program instead.");
        }

        var allowed = SafetyRules.Check(intervention, safety).EnsureMayProceed(justification);
        var performed = PerformedIntervention.Record(this, intervention, minutes, notes, allowed, at);
        _interventions.Add(performed);
        Touch(performer, at);
        return performed;
    }

    public void RemoveIntervention(Guid interventionId, StaffRef editor, DateTimeOffset at)
    {
        EnsureOpen();
        var performed = _interventions.SingleOrDefault(i => i.Id == interventionId)
            ?? throw new DomainException("That intervention is not recorded at this visit.");
        _interventions.Remove(performed);
        Touch(editor, at);
    }

    /// <summary>
    /// Records the visit's dry-needling session (replacing one recorded before, as a correction
    /// while the note is a draft). Every site is a knot charted at this visit; the safety rules run
    /// with the patient's flags, consents and the performing therapist's credential as they are now.
    /// </summary>
    public DryNeedlingProcedure RecordDryNeedling(
        InterventionDefinition dryNeedling, IReadOnlyCollection<KnotFinding> knotsChartedToday, IReadOnlyList<NeedledKnot> needled,
        DryNeedlingDetails details, string? justification, SafetyContext safety, StaffRef performer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(dryNeedling);
        ArgumentNullException.ThrowIfNull(knotsChartedToday);
        ArgumentNullException.ThrowIfNull(needled);
        ArgumentNullException.ThrowIfNull(details);
        EnsureOpen();
        if (dryNeedling.Code != InterventionCatalog.DryNeedling)
        {
            throw new DomainException("A dry-needling record is for dry needling only.");
        }

        var allowed = SafetyRules.Check(dryNeedling, safety).EnsureMayProceed(justification);
        if (needled.GroupBy(n => n.KnotId).Any(g => g.Count() > 1))
        {
            throw new DomainException("Pick each knot once.");
        }

        var sites = needled.Select(n =>
        {
            var knot = knotsChartedToday.SingleOrDefault(k => k.Id == n.KnotId)
                ?? throw new DomainException("Needle only knots charted at this visit: chart the knot on the body chart first.");
            return new DryNeedlingSite(knot.Id, knot.MuscleCode, knot.Side, knot.Zone, n.LocalTwitchResponse);
        }).ToList();
        DryNeedling = DryNeedlingProcedure.Record(this, sites, details, allowed, performer, at);
        Touch(performer, at);
        return DryNeedling;
    }

    public void RemoveDryNeedling(StaffRef editor, DateTimeOffset at)
    {
        EnsureOpen();
        DryNeedling = DryNeedling is null
            ? throw new DomainException("No dry needling is recorded at this visit.")
            : null;
        Touch(editor, at);
    }

    /// <summary>The units billed, derived from what was performed (never stored: it cannot drift from it).</summary>
    public BillingSummary Billing() => BillingUnits.Compute(
        _interventions.Select(i => i.AsBillable()).OfType<BillableService>()
            .Concat(DryNeedling is { } procedure ? [procedure.AsBillable()] : []));

    /// <summary>Freezes what the visit performed as its note is signed; only signing creates the event.</summary>
    public void Freeze(VisitNoteSigned signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        if (signed.VisitId != VisitId)
        {
            throw new DomainException("The note signed belongs to another visit.");
        }

        EnsureOpen();
        FrozenAt = signed.SignedAt;
    }

    private void EnsureOpen()
    {
        if (IsFrozen)
        {
            throw new DomainException(Charting.Message(ChartingRefusal.NoteSigned));
        }
    }

    private void Touch(StaffRef editor, DateTimeOffset at)
    {
        LastEditedBy = editor;
        LastEditedAt = at;
    }
}
