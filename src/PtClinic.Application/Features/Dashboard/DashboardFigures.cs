using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Application.Features.Dashboard;

/// <summary>
/// A proportion with its 95 % Wilson score interval: <paramref name="Count"/> of
/// <paramref name="Of"/> (episodes, visits, sites or sessions, as <paramref name="Unit"/> says).
/// Wilson rather than the textbook ±1.96·√(p(1−p)/n): it stays inside 0–100 % and is honest at
/// small counts and at 0 or 100 %, which is where clinic figures live.
/// </summary>
public sealed record Rate(int Count, int Of, string Unit)
{
    private const double Z = 1.959963984540054;

    public double? Value => Of == 0 ? null : (double)Count / Of;

    public double? Low => Wilson().Low;

    public double? High => Wilson().High;

    /// <summary>"42 % (35–49 %)", or "no episodes" when there is nothing to divide by.</summary>
    public string Describe() => Value is { } value
        ? $"{Percent(value)} ({Percent(Low!.Value)}–{Percent(High!.Value)})"
        : $"no {Unit}";

    public static string Percent(double proportion) => $"{Math.Round(proportion * 100, MidpointRounding.AwayFromZero):0} %";

    private (double? Low, double? High) Wilson()
    {
        if (Of == 0)
        {
            return (null, null);
        }

        double n = Of;
        var p = Count / n;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>One measure's result over a group of episodes: how many were scored, how many at discharge, the mean improvement and the MCID rate.</summary>
public sealed record MeasureResult(
    OutcomeMeasure Measure,
    string Abbreviation,
    decimal Mcid,
    ScoreDirection Direction,
    int Scored,
    int ScoredAtDischarge,
    decimal? MeanImprovement,
    Rate ReachedMcid)
{
    /// <summary>Scored from the latest visit of a running episode (or a discharge without a final score at the last visit).</summary>
    public int ScoredAtLatest => Scored - ScoredAtDischarge;
}

/// <summary>The case mix of a group of episodes, in counts per band (see <see cref="CaseMixBands"/>).</summary>
public sealed record CaseMix(int Episodes, IReadOnlyList<int> Baseline, IReadOnlyList<int> Chronicity, IReadOnlyList<int> Age)
{
    /// <summary>"Severe pain 40 % · chronic 55 % · 65 and over 20 %": the bands that make a caseload harder.</summary>
    public string Describe() => Episodes == 0
        ? "no episodes"
        : $"severe pain {Rate.Percent((double)Baseline[3] / Episodes)} · chronic {Rate.Percent((double)Chronicity[3] / Episodes)} · 65 and over {Rate.Percent((double)Age[3] / Episodes)}";
}

/// <summary>The figures of a group of episodes (the clinic, a therapist, a month), each with what it is based on.</summary>
public sealed record OutcomeSummary(
    int Episodes,
    int Opened,
    int Active,
    int Discharged,
    IReadOnlyList<(DischargeReason Reason, int Count)> DischargeReasons,
    decimal? MedianVisitsToDischarge,
    decimal? MedianDaysToDischarge,
    IReadOnlyList<MeasureResult> Measures,
    Rate NoDischargeOutcome,
    Rate KnotRecurrence,
    int DryNeedlingSessions,
    Rate AdverseEvents,
    IReadOnlyList<(string Kind, Rate Rate)> AdverseEventsByKind,
    Rate NoShows,
    Rate Cancellations,
    int ProgressNotesOverdue,
    int RecertificationsOverdue,
    CaseMix CaseMix)
{
    public MeasureResult Measure(OutcomeMeasure measure) => Measures.Single(m => m.Measure == measure);

    /// <summary>The figures of <paramref name="totals"/>; the medians come from the discharged episodes' distributions.</summary>
    public static OutcomeSummary From(FigureTotals totals, decimal? medianVisits, decimal? medianDays)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var measures = OutcomeMeasureDefinition.Measures.OrderBy(d => d.Measure).Select(d =>
        {
            var (scored, atDischarge, reached, improvement) = totals.Of(d.Measure);
            return new MeasureResult(d.Measure, d.Abbreviation, d.Mcid, d.Direction, scored, atDischarge,
                scored == 0 ? null : Math.Round(improvement / scored, 1, MidpointRounding.AwayFromZero),
                new Rate(reached, scored, "episodes"));
        }).ToList();
        var sessions = totals.DryNeedlingSessions;
        return new OutcomeSummary(
            totals.Episodes,
            totals.Opened,
            totals.Active,
            totals.Discharged,
            [
                (DischargeReason.GoalsMet, totals.GoalsMet),
                (DischargeReason.PlateauOrReferredOn, totals.PlateauOrReferredOn),
                (DischargeReason.StoppedAttending, totals.StoppedAttending),
                (DischargeReason.Other, totals.OtherReason),
            ],
            medianVisits,
            medianDays,
            measures,
            new Rate(totals.NoDischargeOutcome, totals.Discharged, "discharged episodes"),
            new Rate(totals.KnotSitesRecurred, totals.KnotSitesResolved, "resolved knot sites"),
            sessions,
            new Rate(totals.DryNeedlingWithAdverseEvents, sessions, "dry-needling sessions"),
            [
                ("Bruising", new Rate(totals.Bruising, sessions, "dry-needling sessions")),
                ("Bleeding", new Rate(totals.Bleeding, sessions, "dry-needling sessions")),
                ("Post-needling soreness", new Rate(totals.Soreness, sessions, "dry-needling sessions")),
                ("Fainting", new Rate(totals.Fainting, sessions, "dry-needling sessions")),
                ("Other", new Rate(totals.OtherAdverse, sessions, "dry-needling sessions")),
            ],
            // A no-show is a visit the patient neither came to nor cancelled: of the visits that were kept or missed.
            new Rate(totals.VisitsNoShow, totals.VisitsAttended + totals.VisitsNoShow, "visits"),
            new Rate(totals.VisitsCancelled, totals.VisitsBooked, "booked visits"),
            totals.ProgressNoteOverdue,
            totals.RecertificationOverdue,
            new CaseMix(
                totals.Episodes,
                [totals.BaselineNone, totals.BaselineMild, totals.BaselineModerate, totals.BaselineSevere],
                [totals.OnsetUnknown, totals.Acute, totals.Subacute, totals.Chronic],
                [0, totals.AgeUnder40, totals.Age40To64, totals.Age65AndOver]));
    }
}

/// <summary>
/// The median of a distribution given as (value, how many) pairs, as PostgreSQL's
/// percentile_cont(0.5) gives it: the middle value, or the mean of the two middle ones.
/// </summary>
public static class Median
{
    public static decimal? Of(IEnumerable<(int Value, int Count)> distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var sorted = distribution.Where(d => d.Count > 0).OrderBy(d => d.Value).ToList();
        var n = sorted.Sum(d => d.Count);
        if (n == 0)
        {
            return null;
        }

        return (At((n - 1) / 2) + At(n / 2)) / 2m;

        decimal At(int index)
        {
            foreach (var (value, count) in sorted)
            {
                if (index < count)
                {
                    return value;
                }

                index -= count;
            }

            throw new InvalidOperationException("The index is past the distribution's end.");
        }
    }
}
