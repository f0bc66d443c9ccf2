using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Visits;

namespace PtClinic.Domain.Assessment;

/// <summary>
/// The structured part of a visit's note: findings, knots and the questionnaires answered. It is
/// kept apart from the SOAP text, so typing the text and charting a knot never conflict, and it
/// freezes with the note: signing the note freezes it, and the database refuses any change after.
/// </summary>
public sealed class VisitAssessment : ITenantOwned
{
    private readonly List<KnotFinding> _knots = [];
    private readonly List<KnotAbsence> _absences = [];
    private readonly List<RecordedOutcome> _outcomes = [];

    private VisitAssessment()
    {
        Findings = Findings.None;
        LastEditedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>When the visit began: the date its knots and absences are filed under in the patient's history.</summary>
    public DateTimeOffset VisitStartsAt { get; private set; }

    public Findings Findings { get; private set; }

    public IReadOnlyCollection<KnotFinding> Knots => _knots;

    /// <summary>Tracked sites palpated at this visit and not found.</summary>
    public IReadOnlyCollection<KnotAbsence> Absences => _absences;

    public IReadOnlyCollection<RecordedOutcome> Outcomes => _outcomes;

    public StaffRef LastEditedBy { get; private set; }

    public DateTimeOffset LastEditedAt { get; private set; }

    /// <summary>When the note was signed; from then on nothing here changes.</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsFrozen => FrozenAt is not null;

    public static VisitAssessment Start(Visit visit, StaffRef author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(visit);
        Charting.EnsureVisitCanBeCharted(visit);
        return new VisitAssessment
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = visit.ClinicId,
            VisitId = visit.Id,
            EpisodeId = visit.EpisodeId,
            PatientId = visit.PatientId,
            VisitStartsAt = visit.StartsAt,
            LastEditedBy = author,
            LastEditedAt = at,
        };
    }

    /// <summary>
    /// Replaces the findings. NPRS "pain now" is also the visit's NPRS outcome score, so it is
    /// recorded (or cleared) with them: one number, one place it comes from.
    /// </summary>
    public void RecordFindings(Findings findings, StaffRef editor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(findings);
        EnsureOpen();
        Findings = findings;
        var recorded = _outcomes.SingleOrDefault(o => o.Measure == OutcomeMeasure.Nprs);
        var painNow = findings.Pain?.Now;
        if (recorded is not null && recorded.Score != painNow)
        {
            _outcomes.Remove(recorded);
            recorded = null;
        }

        if (recorded is null && painNow is { } rating)
        {
            _outcomes.Add(RecordedOutcome.From(ClinicId, Id, NprsResponse.From(rating), at));
        }

        Touch(editor, at);
    }

    public KnotFinding AddKnot(string muscleCode, BodySide side, MuscleZone zone, KnotPresentation presentation, StaffRef editor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        EnsureOpen();
        if (_knots.Any(k => k.MuscleCode == muscleCode && k.Side == side && k.Zone == zone))
        {
            throw new DomainException("A knot is already charted at this site today; edit that one instead.");
        }

        var knot = KnotFinding.Record(this, muscleCode, side, zone, presentation, at);
        // Found after all: the site is present today, no longer absent.
        _absences.RemoveAll(a => a.Site == knot.Site);
        _knots.Add(knot);
        Touch(editor, at);
        return knot;
    }

    public void UpdateKnot(Guid knotId, KnotPresentation presentation, StaffRef editor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        EnsureOpen();
        Knot(knotId).Present(presentation);
        Touch(editor, at);
    }

    public void RemoveKnot(Guid knotId, StaffRef editor, DateTimeOffset at)
    {
        EnsureOpen();
        _knots.Remove(Knot(knotId));
        Touch(editor, at);
    }

    /// <summary>
    /// Records that a site was palpated today and the knot was not there. Which sites may be
    /// marked absent (those tracked for the patient) is the application's to check; here, a site
    /// cannot be both found and absent at one visit.
    /// </summary>
    public void MarkAbsent(KnotSiteKey site, StaffRef editor, DateTimeOffset at)
    {
        EnsureOpen();
        if (_knots.Any(k => k.Site == site))
        {
            throw new DomainException("A knot is charted at this site today; remove it first to record the site as absent.");
        }

        if (_absences.Any(a => a.Site == site))
        {
            return;
        }

        _absences.Add(KnotAbsence.Record(this, site, at));
        Touch(editor, at);
    }

    /// <summary>Takes back an absence: the site was not assessed today after all.</summary>
    public void ClearAbsence(KnotSiteKey site, StaffRef editor, DateTimeOffset at)
    {
        EnsureOpen();
        if (_absences.RemoveAll(a => a.Site == site) == 0)
        {
            throw new DomainException("This site is not recorded as absent today.");
        }

        Touch(editor, at);
    }

    /// <summary>Records a questionnaire, replacing an earlier answer to the same one at this visit.</summary>
    public RecordedOutcome RecordOutcome(OutcomeResponse response, StaffRef editor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(response);
        EnsureOpen();
        if (response.Measure == OutcomeMeasure.Nprs)
        {
            throw new DomainException("NPRS is the pain-now rating; record it with the pain findings.");
        }

        _outcomes.RemoveAll(o => o.Measure == response.Measure);
        var outcome = RecordedOutcome.From(ClinicId, Id, response, at);
        _outcomes.Add(outcome);
        Touch(editor, at);
        return outcome;
    }

    public void RemoveOutcome(OutcomeMeasure measure, StaffRef editor, DateTimeOffset at)
    {
        EnsureOpen();
        if (measure == OutcomeMeasure.Nprs)
        {
            throw new DomainException("NPRS is the pain-now rating; clear it in the pain findings.");
        }

        if (_outcomes.RemoveAll(o => o.Measure == measure) == 0)
        {
            throw new DomainException($"No {OutcomeMeasureDefinition.For(measure).Abbreviation} is recorded at this visit to remove.");
        }

        Touch(editor, at);
    }

    /// <summary>
    /// Freezes the assessment as its note is signed: the last change it ever gets. It takes the
    /// signing itself, which only signing the note creates, so there is no other way to freeze one.
    /// </summary>
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

    private KnotFinding Knot(Guid knotId) =>
        _knots.SingleOrDefault(k => k.Id == knotId)
        ?? throw new DomainException("That knot is not charted at this visit.");

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
