using System.Linq.Expressions;
using LinqKit;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;

namespace PtClinic.Application.Features.Dashboard;

/// <summary>
/// What the dashboard looks at: a date range of the clinic's calendar, and optionally one
/// therapist's caseload, one body region, one confirmed root cause, one intervention performed.
/// An episode is in it when it ran during the range (opened by its end, not discharged before its
/// start) and matches every other filter given.
/// </summary>
public sealed record DashboardFilter(
    DateOnly From,
    DateOnly To,
    Guid? TherapistId = null,
    BodyRegion? Region = null,
    RootCause? Cause = null,
    string? Intervention = null)
{
    /// <summary>The longest range the dashboard aggregates in one go: five years of months.</summary>
    public const int MaxDays = 5 * 366;
}

/// <summary>Each figure of the dashboard, by name: what a drill-down asks for and a CSV row is keyed by.</summary>
public enum DashboardFigure
{
    Episodes,
    Opened,
    Active,
    Discharged,
    DischargedGoalsMet,
    DischargedPlateauOrReferredOn,
    DischargedStoppedAttending,
    DischargedOther,
    NoDischargeOutcome,
    NprsScored,
    NprsReachedMcid,
    LefsScored,
    LefsReachedMcid,
    PsfsScored,
    PsfsReachedMcid,
    OdiScored,
    OdiReachedMcid,
    KnotSitesResolved,
    KnotSitesRecurred,
    DryNeedling,
    DryNeedlingAdverseEvents,
    NoShows,
    Cancellations,
    ProgressNoteOverdue,
    RecertificationOverdue,
}

/// <summary>
/// Every figure of the outcomes dashboard, defined once as an expression over
/// <see cref="EpisodeOutcome"/> rows: the aggregate queries count or sum these expressions
/// (<see cref="Totals"/>), the drill-down lists the episodes one of them selects
/// (<see cref="Selects"/>), so a figure and the episodes behind it cannot disagree.
/// </summary>
public sealed class OutcomeFigures
{
    /// <summary>A progress note is due after this many signed visits since the last evaluation…</summary>
    public const int ProgressNoteEveryVisits = 10;

    /// <summary>…or this many days after it, whichever comes first (the usual payer rule).</summary>
    public const int ProgressNoteEveryDays = 30;

    /// <summary>A knot that is back within this many days of resolving counts as recurred.</summary>
    public const int RecurrenceWindowDays = 90;

    private readonly DateOnly _from;
    private readonly DateOnly _to;
    private readonly DateOnly _today;

    public OutcomeFigures(DateOnly from, DateOnly to, DateOnly today)
    {
        _from = from;
        _to = to;
        _today = today;
        Measures = [.. OutcomeMeasureDefinition.Measures.OrderBy(d => d.Measure).Select(d => new MeasureFigures(d))];
        var from_ = from;
        var to_ = to;
        var today_ = today;
        var progressDue = today.AddDays(-ProgressNoteEveryDays);
        Opened = o => o.OpenedOn >= from_ && o.OpenedOn <= to_;
        Discharged = o => o.DischargedOn != null && o.DischargedOn >= from_ && o.DischargedOn <= to_;
        // Still running at the range's end (a range ending today: running now).
        Active = o => o.DischargedOn == null || o.DischargedOn > to_;
        NoDischargeOutcome = o => o.DischargedOn != null && o.DischargedOn >= from_ && o.DischargedOn <= to_ && !o.DischargeOutcomeRecorded;
        // Due now, whatever the range: these are the work to do today.
        ProgressNoteOverdue = o => o.Status != EpisodeStatus.Discharged && o.VisitsSigned > 0
            && (o.VisitsSinceEvaluation >= ProgressNoteEveryVisits || (o.LastEvaluatedOn != null && o.LastEvaluatedOn < progressDue));
        RecertificationOverdue = o => o.Status != EpisodeStatus.Discharged && o.RecertificationDueOn != null && o.RecertificationDueOn < today_;
    }

    public DateOnly From => _from;

    public DateOnly To => _to;

    public DateOnly Today => _today;

    public IReadOnlyList<MeasureFigures> Measures { get; }

    public Expression<Func<EpisodeOutcome, bool>> Opened { get; }

    public Expression<Func<EpisodeOutcome, bool>> Discharged { get; }

    public Expression<Func<EpisodeOutcome, bool>> Active { get; }

    public Expression<Func<EpisodeOutcome, bool>> NoDischargeOutcome { get; }

    public Expression<Func<EpisodeOutcome, bool>> ProgressNoteOverdue { get; }

    public Expression<Func<EpisodeOutcome, bool>> RecertificationOverdue { get; }

    /// <summary>The episodes a range and filters take in; the therapist filter is the caller's (see the handlers).</summary>
    public static IQueryable<EpisodeOutcome> InScope(IQueryable<EpisodeOutcome> outcomes, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = (filter.From, filter.To);
        var scoped = outcomes.Where(o => o.OpenedOn <= to && (o.DischargedOn == null || o.DischargedOn >= from));
        if (filter.TherapistId is { } therapist)
        {
            scoped = scoped.Where(o => o.TherapistId == therapist);
        }

        if (filter.Region is { } region)
        {
            scoped = scoped.Where(o => o.Region == region);
        }

        if (filter.Cause is { } cause)
        {
            var name = cause.ToString();
            scoped = scoped.Where(o => o.Causes.Contains(name));
        }

        if (filter.Intervention is { } intervention)
        {
            scoped = scoped.Where(o => o.Interventions.Contains(intervention));
        }

        return scoped;
    }

    /// <summary>The episodes behind one figure: those it counts, or for a sum, those that add to it.</summary>
    public Expression<Func<EpisodeOutcome, bool>> Selects(DashboardFigure figure) => figure switch
    {
        DashboardFigure.Episodes => o => true,
        DashboardFigure.Opened => Opened,
        DashboardFigure.Active => Active,
        DashboardFigure.Discharged => Discharged,
        DashboardFigure.DischargedGoalsMet => DischargedFor(DischargeReason.GoalsMet),
        DashboardFigure.DischargedPlateauOrReferredOn => DischargedFor(DischargeReason.PlateauOrReferredOn),
        DashboardFigure.DischargedStoppedAttending => DischargedFor(DischargeReason.StoppedAttending),
        DashboardFigure.DischargedOther => DischargedFor(DischargeReason.Other),
        DashboardFigure.NoDischargeOutcome => NoDischargeOutcome,
        DashboardFigure.NprsScored => Measure(OutcomeMeasure.Nprs).Scored,
        DashboardFigure.NprsReachedMcid => Measure(OutcomeMeasure.Nprs).ReachedMcid,
        DashboardFigure.LefsScored => Measure(OutcomeMeasure.Lefs).Scored,
        DashboardFigure.LefsReachedMcid => Measure(OutcomeMeasure.Lefs).ReachedMcid,
        DashboardFigure.PsfsScored => Measure(OutcomeMeasure.Psfs).Scored,
        DashboardFigure.PsfsReachedMcid => Measure(OutcomeMeasure.Psfs).ReachedMcid,
        DashboardFigure.OdiScored => Measure(OutcomeMeasure.Odi).Scored,
        DashboardFigure.OdiReachedMcid => Measure(OutcomeMeasure.Odi).ReachedMcid,
        DashboardFigure.KnotSitesResolved => o => o.KnotSitesResolved > 0,
        DashboardFigure.KnotSitesRecurred => o => o.KnotSitesRecurred > 0,
        DashboardFigure.DryNeedling => o => o.DryNeedlingSessions > 0,
        DashboardFigure.DryNeedlingAdverseEvents => o => o.DryNeedlingSessionsWithAdverseEvents > 0,
        DashboardFigure.NoShows => o => o.VisitsNoShow > 0,
        DashboardFigure.Cancellations => o => o.VisitsCancelled > 0,
        DashboardFigure.ProgressNoteOverdue => ProgressNoteOverdue,
        DashboardFigure.RecertificationOverdue => RecertificationOverdue,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Not a dashboard figure."),
    };

    /// <summary>The measure a figure is about, if it is about one (its drill-down shows those scores).</summary>
    public static OutcomeMeasure? MeasureOf(DashboardFigure figure) => figure switch
    {
        DashboardFigure.NprsScored or DashboardFigure.NprsReachedMcid => OutcomeMeasure.Nprs,
        DashboardFigure.LefsScored or DashboardFigure.LefsReachedMcid => OutcomeMeasure.Lefs,
        DashboardFigure.PsfsScored or DashboardFigure.PsfsReachedMcid => OutcomeMeasure.Psfs,
        DashboardFigure.OdiScored or DashboardFigure.OdiReachedMcid => OutcomeMeasure.Odi,
        _ => null,
    };

    public MeasureFigures Measure(OutcomeMeasure measure) => Measures.Single(m => m.Definition.Measure == measure);

    /// <summary>
    /// Every count and sum the dashboard shows, for one group of episodes (all of them, one
    /// therapist's, one month's), as one aggregate row. The figures are the expressions above.
    /// </summary>
    public Expression<Func<IEnumerable<EpisodeOutcome>, FigureTotals>> Totals()
    {
        var (opened, discharged, active, noOutcome) = (Opened, Discharged, Active, NoDischargeOutcome);
        var (progressOverdue, recertOverdue) = (ProgressNoteOverdue, RecertificationOverdue);
        var (goalsMet, plateau, stopped, other) = (DischargedFor(DischargeReason.GoalsMet), DischargedFor(DischargeReason.PlateauOrReferredOn),
            DischargedFor(DischargeReason.StoppedAttending), DischargedFor(DischargeReason.Other));
        var (nprs, lefs, psfs, odi) = (Measure(OutcomeMeasure.Nprs), Measure(OutcomeMeasure.Lefs), Measure(OutcomeMeasure.Psfs), Measure(OutcomeMeasure.Odi));
        var (band, chronicity, age) = (CaseMixBands.Baseline, CaseMixBands.Chronicity, CaseMixBands.Age);
        Expression<Func<IEnumerable<EpisodeOutcome>, FigureTotals>> totals = g => new FigureTotals
        {
            Episodes = g.Count(),
            Opened = g.Count(o => opened.Invoke(o)),
            Discharged = g.Count(o => discharged.Invoke(o)),
            Active = g.Count(o => active.Invoke(o)),
            GoalsMet = g.Count(o => goalsMet.Invoke(o)),
            PlateauOrReferredOn = g.Count(o => plateau.Invoke(o)),
            StoppedAttending = g.Count(o => stopped.Invoke(o)),
            OtherReason = g.Count(o => other.Invoke(o)),
            NoDischargeOutcome = g.Count(o => noOutcome.Invoke(o)),
            NprsScored = g.Count(o => nprs.Scored.Invoke(o)),
            NprsAtDischarge = g.Count(o => nprs.ScoredAtDischarge.Invoke(o)),
            NprsReached = g.Count(o => nprs.ReachedMcid.Invoke(o)),
            NprsImprovement = g.Sum(o => nprs.Improvement.Invoke(o)),
            LefsScored = g.Count(o => lefs.Scored.Invoke(o)),
            LefsAtDischarge = g.Count(o => lefs.ScoredAtDischarge.Invoke(o)),
            LefsReached = g.Count(o => lefs.ReachedMcid.Invoke(o)),
            LefsImprovement = g.Sum(o => lefs.Improvement.Invoke(o)),
            PsfsScored = g.Count(o => psfs.Scored.Invoke(o)),
            PsfsAtDischarge = g.Count(o => psfs.ScoredAtDischarge.Invoke(o)),
            PsfsReached = g.Count(o => psfs.ReachedMcid.Invoke(o)),
            PsfsImprovement = g.Sum(o => psfs.Improvement.Invoke(o)),
            OdiScored = g.Count(o => odi.Scored.Invoke(o)),
            OdiAtDischarge = g.Count(o => odi.ScoredAtDischarge.Invoke(o)),
            OdiReached = g.Count(o => odi.ReachedMcid.Invoke(o)),
            OdiImprovement = g.Sum(o => odi.Improvement.Invoke(o)),
            KnotSitesResolved = g.Sum(o => o.KnotSitesResolved),
            KnotSitesRecurred = g.Sum(o => o.KnotSitesRecurred),
            DryNeedlingSessions = g.Sum(o => o.DryNeedlingSessions),
            DryNeedlingWithAdverseEvents = g.Sum(o => o.DryNeedlingSessionsWithAdverseEvents),
            Bruising = g.Sum(o => o.AdverseBruising),
            Bleeding = g.Sum(o => o.AdverseBleeding),
            Soreness = g.Sum(o => o.AdverseSoreness),
            Fainting = g.Sum(o => o.AdverseFainting),
            OtherAdverse = g.Sum(o => o.AdverseOther),
            VisitsBooked = g.Sum(o => o.VisitsBooked),
            VisitsAttended = g.Sum(o => o.VisitsAttended),
            VisitsNoShow = g.Sum(o => o.VisitsNoShow),
            VisitsCancelled = g.Sum(o => o.VisitsCancelled),
            ProgressNoteOverdue = g.Count(o => progressOverdue.Invoke(o)),
            RecertificationOverdue = g.Count(o => recertOverdue.Invoke(o)),
            BaselineNone = g.Count(o => band.Invoke(o) == 0),
            BaselineMild = g.Count(o => band.Invoke(o) == 1),
            BaselineModerate = g.Count(o => band.Invoke(o) == 2),
            BaselineSevere = g.Count(o => band.Invoke(o) == 3),
            OnsetUnknown = g.Count(o => chronicity.Invoke(o) == 0),
            Acute = g.Count(o => chronicity.Invoke(o) == 1),
            Subacute = g.Count(o => chronicity.Invoke(o) == 2),
            Chronic = g.Count(o => chronicity.Invoke(o) == 3),
            AgeUnder40 = g.Count(o => age.Invoke(o) == 1),
            Age40To64 = g.Count(o => age.Invoke(o) == 2),
            Age65AndOver = g.Count(o => age.Invoke(o) == 3),
        };
        return totals.Expand();
    }

    private Expression<Func<EpisodeOutcome, bool>> DischargedFor(DischargeReason reason)
    {
        var discharged = Discharged;
        Expression<Func<EpisodeOutcome, bool>> selects = o => discharged.Invoke(o) && o.DischargeReason == reason;
        return selects.Expand();
    }
}

/// <summary>
/// One outcome measure's figures: an episode is scored when it has a baseline and a later score
/// (at discharge, or the latest while it runs), improved by the change in the better direction,
/// and reached the MCID when that improvement is at least the measure's MCID.
/// </summary>
public sealed class MeasureFigures
{
    public MeasureFigures(OutcomeMeasureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Expression<Func<EpisodeOutcome, decimal?>> baseline;
        Expression<Func<EpisodeOutcome, decimal?>> final;
        switch (definition.Measure)
        {
            case OutcomeMeasure.Nprs:
                (baseline, final) = (o => o.NprsBaseline, o => o.NprsFinal);
                break;
            case OutcomeMeasure.Lefs:
                (baseline, final) = (o => o.LefsBaseline, o => o.LefsFinal);
                break;
            case OutcomeMeasure.Psfs:
                (baseline, final) = (o => o.PsfsBaseline, o => o.PsfsFinal);
                break;
            case OutcomeMeasure.Odi:
                (baseline, final) = (o => o.OdiBaseline, o => o.OdiFinal);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(definition), definition.Measure, "Not a scored measure.");
        }

        Baseline = baseline;
        Final = final;
        Expression<Func<EpisodeOutcome, decimal?>> improvement = definition.Direction == ScoreDirection.LowerIsBetter
            ? o => baseline.Invoke(o) - final.Invoke(o)
            : o => final.Invoke(o) - baseline.Invoke(o);
        Improvement = improvement.Expand();
        Expression<Func<EpisodeOutcome, bool>> scored = o => baseline.Invoke(o) != null && final.Invoke(o) != null;
        Scored = scored.Expand();
        Expression<Func<EpisodeOutcome, bool>> atDischarge = o => scored.Invoke(o) && o.Status == EpisodeStatus.Discharged && o.DischargeOutcomeRecorded;
        ScoredAtDischarge = atDischarge.Expand();
        var mcid = definition.Mcid;
        Expression<Func<EpisodeOutcome, bool>> reached = o => scored.Invoke(o) && improvement.Invoke(o) >= mcid;
        ReachedMcid = reached.Expand();
    }

    public OutcomeMeasureDefinition Definition { get; }

    public Expression<Func<EpisodeOutcome, decimal?>> Baseline { get; }

    public Expression<Func<EpisodeOutcome, decimal?>> Final { get; }

    /// <summary>Points better than the baseline (negative: worse); null when not scored.</summary>
    public Expression<Func<EpisodeOutcome, decimal?>> Improvement { get; }

    public Expression<Func<EpisodeOutcome, bool>> Scored { get; }

    /// <summary>Scored, and the final score is a discharge score (not the latest of a running episode).</summary>
    public Expression<Func<EpisodeOutcome, bool>> ScoredAtDischarge { get; }

    public Expression<Func<EpisodeOutcome, bool>> ReachedMcid { get; }
}

/// <summary>
/// The case mix a fair comparison shows next to each rate: how bad the pain was at the start
/// (NPRS baseline), how long the problem had lasted (chronicity) and the patient's age. Each band
/// is a number so the aggregate can count it: 0 is "not known".
/// </summary>
public static class CaseMixBands
{
    public static readonly IReadOnlyList<string> BaselineNames = ["No NPRS baseline", "Mild pain (0–3)", "Moderate pain (4–6)", "Severe pain (7–10)"];

    public static readonly IReadOnlyList<string> ChronicityNames = ["Onset not given", "Acute (under 6 weeks)", "Subacute (6–12 weeks)", "Chronic (over 12 weeks)"];

    public static readonly IReadOnlyList<string> AgeNames = ["", "Under 40", "40–64", "65 and over"];

    public static Expression<Func<EpisodeOutcome, int>> Baseline { get; } =
        o => o.NprsBaseline == null ? 0 : o.NprsBaseline <= 3 ? 1 : o.NprsBaseline <= 6 ? 2 : 3;

    public static Expression<Func<EpisodeOutcome, int>> Chronicity { get; } =
        o => o.WeeksSinceOnset == null ? 0 : o.WeeksSinceOnset < 6 ? 1 : o.WeeksSinceOnset <= 12 ? 2 : 3;

    public static Expression<Func<EpisodeOutcome, int>> Age { get; } =
        o => o.AgeAtOpening < 40 ? 1 : o.AgeAtOpening < 65 ? 2 : 3;
}

/// <summary>
/// The counts and sums of <see cref="OutcomeFigures.Totals"/> for one group of episodes; equal when
/// every figure is (the rebuild of the month totals compares them so).
/// </summary>
public sealed record FigureTotals
{
    public int Episodes { get; init; }

    public int Opened { get; init; }

    public int Discharged { get; init; }

    public int Active { get; init; }

    public int GoalsMet { get; init; }

    public int PlateauOrReferredOn { get; init; }

    public int StoppedAttending { get; init; }

    public int OtherReason { get; init; }

    public int NoDischargeOutcome { get; init; }

    public int NprsScored { get; init; }

    public int NprsAtDischarge { get; init; }

    public int NprsReached { get; init; }

    public decimal? NprsImprovement { get; init; }

    public int LefsScored { get; init; }

    public int LefsAtDischarge { get; init; }

    public int LefsReached { get; init; }

    public decimal? LefsImprovement { get; init; }

    public int PsfsScored { get; init; }

    public int PsfsAtDischarge { get; init; }

    public int PsfsReached { get; init; }

    public decimal? PsfsImprovement { get; init; }

    public int OdiScored { get; init; }

    public int OdiAtDischarge { get; init; }

    public int OdiReached { get; init; }

    public decimal? OdiImprovement { get; init; }

    public int KnotSitesResolved { get; init; }

    public int KnotSitesRecurred { get; init; }

    public int DryNeedlingSessions { get; init; }

    public int DryNeedlingWithAdverseEvents { get; init; }

    public int Bruising { get; init; }

    public int Bleeding { get; init; }

    public int Soreness { get; init; }

    public int Fainting { get; init; }

    public int OtherAdverse { get; init; }

    public int VisitsBooked { get; init; }

    public int VisitsAttended { get; init; }

    public int VisitsNoShow { get; init; }

    public int VisitsCancelled { get; init; }

    public int ProgressNoteOverdue { get; init; }

    public int RecertificationOverdue { get; init; }

    public int BaselineNone { get; init; }

    public int BaselineMild { get; init; }

    public int BaselineModerate { get; init; }

    public int BaselineSevere { get; init; }

    public int OnsetUnknown { get; init; }

    public int Acute { get; init; }

    public int Subacute { get; init; }

    public int Chronic { get; init; }

    public int AgeUnder40 { get; init; }

    public int Age40To64 { get; init; }

    public int Age65AndOver { get; init; }

    public static FigureTotals None { get; } = new();

    /// <summary>
    /// The totals of two disjoint groups of episodes together: every figure is a count or a sum, so
    /// the clinic's totals are its therapists' added up, and need no second pass over the rows.
    /// </summary>
    public static FigureTotals operator +(FigureTotals a, FigureTotals b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new FigureTotals
        {
            Episodes = a.Episodes + b.Episodes,
            Opened = a.Opened + b.Opened,
            Discharged = a.Discharged + b.Discharged,
            Active = a.Active + b.Active,
            GoalsMet = a.GoalsMet + b.GoalsMet,
            PlateauOrReferredOn = a.PlateauOrReferredOn + b.PlateauOrReferredOn,
            StoppedAttending = a.StoppedAttending + b.StoppedAttending,
            OtherReason = a.OtherReason + b.OtherReason,
            NoDischargeOutcome = a.NoDischargeOutcome + b.NoDischargeOutcome,
            NprsScored = a.NprsScored + b.NprsScored,
            NprsAtDischarge = a.NprsAtDischarge + b.NprsAtDischarge,
            NprsReached = a.NprsReached + b.NprsReached,
            NprsImprovement = a.NprsImprovement is null && b.NprsImprovement is null ? null : (a.NprsImprovement ?? 0) + (b.NprsImprovement ?? 0),
            LefsScored = a.LefsScored + b.LefsScored,
            LefsAtDischarge = a.LefsAtDischarge + b.LefsAtDischarge,
            LefsReached = a.LefsReached + b.LefsReached,
            LefsImprovement = a.LefsImprovement is null && b.LefsImprovement is null ? null : (a.LefsImprovement ?? 0) + (b.LefsImprovement ?? 0),
            PsfsScored = a.PsfsScored + b.PsfsScored,
            PsfsAtDischarge = a.PsfsAtDischarge + b.PsfsAtDischarge,
            PsfsReached = a.PsfsReached + b.PsfsReached,
            PsfsImprovement = a.PsfsImprovement is null && b.PsfsImprovement is null ? null : (a.PsfsImprovement ?? 0) + (b.PsfsImprovement ?? 0),
            OdiScored = a.OdiScored + b.OdiScored,
            OdiAtDischarge = a.OdiAtDischarge + b.OdiAtDischarge,
            OdiReached = a.OdiReached + b.OdiReached,
            OdiImprovement = a.OdiImprovement is null && b.OdiImprovement is null ? null : (a.OdiImprovement ?? 0) + (b.OdiImprovement ?? 0),
            KnotSitesResolved = a.KnotSitesResolved + b.KnotSitesResolved,
            KnotSitesRecurred = a.KnotSitesRecurred + b.KnotSitesRecurred,
            DryNeedlingSessions = a.DryNeedlingSessions + b.DryNeedlingSessions,
            DryNeedlingWithAdverseEvents = a.DryNeedlingWithAdverseEvents + b.DryNeedlingWithAdverseEvents,
            Bruising = a.Bruising + b.Bruising,
            Bleeding = a.Bleeding + b.Bleeding,
            Soreness = a.Soreness + b.Soreness,
            Fainting = a.Fainting + b.Fainting,
            OtherAdverse = a.OtherAdverse + b.OtherAdverse,
            VisitsBooked = a.VisitsBooked + b.VisitsBooked,
            VisitsAttended = a.VisitsAttended + b.VisitsAttended,
            VisitsNoShow = a.VisitsNoShow + b.VisitsNoShow,
            VisitsCancelled = a.VisitsCancelled + b.VisitsCancelled,
            ProgressNoteOverdue = a.ProgressNoteOverdue + b.ProgressNoteOverdue,
            RecertificationOverdue = a.RecertificationOverdue + b.RecertificationOverdue,
            BaselineNone = a.BaselineNone + b.BaselineNone,
            BaselineMild = a.BaselineMild + b.BaselineMild,
            BaselineModerate = a.BaselineModerate + b.BaselineModerate,
            BaselineSevere = a.BaselineSevere + b.BaselineSevere,
            OnsetUnknown = a.OnsetUnknown + b.OnsetUnknown,
            Acute = a.Acute + b.Acute,
            Subacute = a.Subacute + b.Subacute,
            Chronic = a.Chronic + b.Chronic,
            AgeUnder40 = a.AgeUnder40 + b.AgeUnder40,
            Age40To64 = a.Age40To64 + b.Age40To64,
            Age65AndOver = a.Age65AndOver + b.Age65AndOver,
        };
    }

    public static FigureTotals Add(FigureTotals a, FigureTotals b) => a + b;

    /// <summary>The totals of disjoint groups together.</summary>
    public static FigureTotals Sum(IEnumerable<FigureTotals> groups) => groups.Aggregate(None, Add);

    /// <summary>The scored count, discharge-scored count, MCID count and summed improvement of one measure.</summary>
    public (int Scored, int AtDischarge, int Reached, decimal Improvement) Of(OutcomeMeasure measure) => measure switch
    {
        OutcomeMeasure.Nprs => (NprsScored, NprsAtDischarge, NprsReached, NprsImprovement ?? 0),
        OutcomeMeasure.Lefs => (LefsScored, LefsAtDischarge, LefsReached, LefsImprovement ?? 0),
        OutcomeMeasure.Psfs => (PsfsScored, PsfsAtDischarge, PsfsReached, PsfsImprovement ?? 0),
        OutcomeMeasure.Odi => (OdiScored, OdiAtDischarge, OdiReached, OdiImprovement ?? 0),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a scored measure."),
    };
}

/// <summary>
/// A query whose <c>Invoke</c> calls of figure expressions are inlined (LinqKit's Expand) on EF
/// Core's own provider, so the asynchronous EF operators still work on it.
/// </summary>
internal static class ExpandedQuery
{
    public static IQueryable<T> Expand<T>(this IQueryable<T> query) => query.Provider.CreateQuery<T>(query.Expression.Expand());
}
