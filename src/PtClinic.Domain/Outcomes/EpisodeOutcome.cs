using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Outcomes;

/// <summary>
/// One episode of care as the outcomes dashboard counts it: a stored summary of what its signed
/// notes, visits, treatments and knots say, kept current in the transaction that signs a note or
/// changes the episode, re-checked nightly and rebuilt from the records at any time. It holds facts
/// (scores, counts, dates), never rates: every figure the dashboard shows is worked out from these
/// rows in one place (the application's outcome measures), so the page, the drill-down and the CSV
/// agree. Nobody edits a row; a refresh replaces it with what the records give.
/// </summary>
public sealed class EpisodeOutcome : ITenantOwned
{
    private EpisodeOutcome()
    {
        Causes = [];
        Interventions = [];
    }

    public Guid EpisodeId { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid TherapistId { get; private set; }

    public BodyRegion Region { get; private set; }

    public EpisodeStatus Status { get; private set; }

    public DischargeReason? DischargeReason { get; private set; }

    /// <summary>The clinic's calendar date the episode opened.</summary>
    public DateOnly OpenedOn { get; private set; }

    /// <summary>The clinic's calendar date it was discharged; null while it runs.</summary>
    public DateOnly? DischargedOn { get; private set; }

    /// <summary>The patient's age in whole years on the day the episode opened.</summary>
    public int AgeAtOpening { get; private set; }

    /// <summary>Whole weeks from the onset the patient gave to the opening; null when no onset was given.</summary>
    public int? WeeksSinceOnset { get; private set; }

    /// <summary>Every visit booked for the episode, cancelled and missed ones included.</summary>
    public int VisitsBooked { get; private set; }

    /// <summary>Visits the patient came to (checked in or completed).</summary>
    public int VisitsAttended { get; private set; }

    public int VisitsNoShow { get; private set; }

    public int VisitsCancelled { get; private set; }

    /// <summary>Visits with a signed note: what the clinical figures count.</summary>
    public int VisitsSigned { get; private set; }

    /// <summary>The date of the latest signed evaluation or progress note; null when there is none.</summary>
    public DateOnly? LastEvaluatedOn { get; private set; }

    /// <summary>Signed visits after the latest signed evaluation or progress note.</summary>
    public int VisitsSinceEvaluation { get; private set; }

    /// <summary>When the signed plan in force is due for re-certification; null without a signed plan.</summary>
    public DateOnly? RecertificationDueOn { get; private set; }

    /// <summary>The first signed score of each measure (the baseline) and the last (at discharge, or the latest).</summary>
    public decimal? NprsBaseline { get; private set; }

    public decimal? NprsFinal { get; private set; }

    public decimal? LefsBaseline { get; private set; }

    public decimal? LefsFinal { get; private set; }

    public decimal? PsfsBaseline { get; private set; }

    public decimal? PsfsFinal { get; private set; }

    public decimal? OdiBaseline { get; private set; }

    public decimal? OdiFinal { get; private set; }

    /// <summary>
    /// Discharged, and a measure with a baseline was scored again at the last signed visit: the
    /// final scores are discharge scores. False for a discharged episode whose last visit scored
    /// nothing (the data gap clinics most often have), and for a running one.
    /// </summary>
    public bool DischargeOutcomeRecorded { get; private set; }

    /// <summary>The root causes the therapist confirmed (and did not later reject), by name.</summary>
    public IReadOnlyList<string> Causes { get; private set; }

    /// <summary>The catalog codes of the interventions performed at signed visits.</summary>
    public IReadOnlyList<string> Interventions { get; private set; }

    public int DryNeedlingSessions { get; private set; }

    /// <summary>Dry-needling sessions with at least one adverse event.</summary>
    public int DryNeedlingSessionsWithAdverseEvents { get; private set; }

    public int AdverseBruising { get; private set; }

    public int AdverseBleeding { get; private set; }

    public int AdverseSoreness { get; private set; }

    public int AdverseFainting { get; private set; }

    public int AdverseOther { get; private set; }

    /// <summary>Knot sites found at this episode's signed visits and then found absent in it (resolved).</summary>
    public int KnotSitesResolved { get; private set; }

    /// <summary>Of those, the ones found again at a signed visit (of any episode) within 90 days of resolving.</summary>
    public int KnotSitesRecurred { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    /// <summary>The days from opening to discharge; null while the episode runs.</summary>
    public int? DaysToDischarge { get; private set; }
}
