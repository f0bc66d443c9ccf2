using System.Linq.Expressions;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Application.Features.Dashboard;

/// <summary>
/// The dashboard's month totals: every figure of one clinic's discharged episodes of one therapist
/// and body region, opened in one month and discharged in another, added up once. A range of whole
/// months reads these few rows instead of every episode behind them. Only discharged episodes are
/// added up: a running episode's figures (active, overdue) depend on the day they are read, so the
/// dashboard reads those live. The totals are kept equal to the outcome rows in the transaction
/// that refreshes those rows, re-checked nightly with them and rebuilt with them on demand.
/// </summary>
public sealed class EpisodeOutcomeMonth : ITenantOwned
{
    private EpisodeOutcomeMonth()
    {
        Totals = new FigureTotals();
    }

    public EpisodeOutcomeMonth(MonthBucket bucket, FigureTotals totals)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(totals);
        (ClinicId, TherapistId, Region, OpenedMonth, DischargedMonth) = bucket;
        Totals = totals;
    }

    public Guid ClinicId { get; private set; }

    public Guid TherapistId { get; private set; }

    public BodyRegion Region { get; private set; }

    /// <summary>The first day of the month the episodes opened.</summary>
    public DateOnly OpenedMonth { get; private set; }

    /// <summary>The first day of the month they were discharged.</summary>
    public DateOnly DischargedMonth { get; private set; }

    /// <summary>
    /// Their figures over all time (<see cref="OutcomeMonths.AllTime"/>): the figures of a range
    /// follow from these and the two months (<see cref="MonthRange.Group"/>).
    /// </summary>
    public FigureTotals Totals { get; private set; }

    public MonthBucket Bucket => new(ClinicId, TherapistId, Region, OpenedMonth, DischargedMonth);
}

/// <summary>Which row of the month totals an episode adds to.</summary>
public sealed record MonthBucket(Guid ClinicId, Guid TherapistId, BodyRegion Region, DateOnly OpenedMonth, DateOnly DischargedMonth);

/// <summary>
/// How the month totals are derived from the outcome rows, with the dashboard's own figure
/// definitions (<see cref="OutcomeFigures.Totals"/>): Infrastructure runs these in the transaction
/// that refreshes the outcome rows, and in the rebuild.
/// </summary>
public static class OutcomeMonths
{
    /// <summary>
    /// Every figure of an episode over all time: opened and (if so) discharged within it, never
    /// active or overdue once discharged. The range's figures are restricted from these.
    /// </summary>
    public static OutcomeFigures AllTime { get; } = new(DateOnly.MinValue, DateOnly.MaxValue, DateOnly.MaxValue);

    /// <summary>
    /// The episodes the month totals add up: the discharged ones (an episode's discharge date is set
    /// exactly when its status is, and is never taken back). Said by the date alone, so that the
    /// running ones are an index range of their own (discharged_on IS NULL).
    /// </summary>
    public static Expression<Func<EpisodeOutcome, bool>> Added { get; } = o => o.DischargedOn != null;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The rows of the month totals these outcome rows add to.</summary>
    public static async Task<List<MonthBucket>> BucketsAsync(IQueryable<EpisodeOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var rows = await outcomes.Where(Added)
            .Select(o => new { o.ClinicId, o.TherapistId, o.Region, o.OpenedOn, DischargedOn = o.DischargedOn!.Value })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MonthBucket(r.ClinicId, r.TherapistId, r.Region, MonthOf(r.OpenedOn), MonthOf(r.DischargedOn))).Distinct()];
    }

    /// <summary>The outcome rows that add to these rows of the month totals.</summary>
    public static Expression<Func<EpisodeOutcome, bool>> AddingTo(IEnumerable<MonthBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var adding = PredicateBuilder.New<EpisodeOutcome>(false);
        foreach (var b in buckets)
        {
            var (opened, openedEnd, discharged, dischargedEnd) = (b.OpenedMonth, b.OpenedMonth.AddMonths(1), b.DischargedMonth, b.DischargedMonth.AddMonths(1));
            adding = adding.Or(o => o.ClinicId == b.ClinicId && o.TherapistId == b.TherapistId && o.Region == b.Region
                && o.OpenedOn >= opened && o.OpenedOn < openedEnd && o.DischargedOn >= discharged && o.DischargedOn < dischargedEnd);
        }

        return adding;
    }

    /// <summary>These rows of the month totals, by their keys.</summary>
    public static Expression<Func<EpisodeOutcomeMonth, bool>> Of(IEnumerable<MonthBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var of = PredicateBuilder.New<EpisodeOutcomeMonth>(false);
        foreach (var b in buckets)
        {
            of = of.Or(m => m.ClinicId == b.ClinicId && m.TherapistId == b.TherapistId && m.Region == b.Region
                && m.OpenedMonth == b.OpenedMonth && m.DischargedMonth == b.DischargedMonth);
        }

        return of;
    }

    /// <summary>The month totals of these outcome rows (the discharged ones among them), as the figures define them.</summary>
    public static async Task<List<EpisodeOutcomeMonth>> ComputeAsync(IQueryable<EpisodeOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var totals = AllTime.Totals();
        var rows = await outcomes.Where(Added)
            .GroupBy(o => new
            {
                o.ClinicId,
                o.TherapistId,
                o.Region,
                OpenedYear = o.OpenedOn.Year,
                OpenedMonth = o.OpenedOn.Month,
                DischargedYear = o.DischargedOn!.Value.Year,
                DischargedMonth = o.DischargedOn!.Value.Month,
            })
            .Select(g => new { g.Key, Totals = totals.Invoke(g) })
            .Expand().ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => new EpisodeOutcomeMonth(
                new MonthBucket(r.Key.ClinicId, r.Key.TherapistId, r.Key.Region,
                    new DateOnly(r.Key.OpenedYear, r.Key.OpenedMonth, 1), new DateOnly(r.Key.DischargedYear, r.Key.DischargedMonth, 1)),
                r.Totals)),
        ];
    }

    /// <summary>
    /// What to change so that <paramref name="stored"/> becomes <paramref name="computed"/> (both
    /// over the same buckets): the buckets whose stored row must go (orphaned or different) and
    /// the rows to write (missing or different).
    /// </summary>
    public static (IReadOnlyList<MonthBucket> Remove, IReadOnlyList<EpisodeOutcomeMonth> Write) Differences(
        IEnumerable<EpisodeOutcomeMonth> stored, IEnumerable<EpisodeOutcomeMonth> computed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(computed);
        var fresh = computed.ToDictionary(c => c.Bucket);
        var remove = new List<MonthBucket>();
        var write = new List<EpisodeOutcomeMonth>();
        foreach (var row in stored)
        {
            if (!fresh.Remove(row.Bucket, out var same))
            {
                remove.Add(row.Bucket);
            }
            else if (same.Totals != row.Totals)
            {
                remove.Add(row.Bucket);
                write.Add(same);
            }
        }

        write.AddRange(fresh.Values);
        return (remove, write);
    }
}

/// <summary>
/// A dashboard range as whole months: the month totals serve the episodes whose months of opening
/// and discharge both lie outside the range's partly covered months (a range from the 10th, or to
/// today); every other episode in scope, and each running one, is read live. Filters by root cause
/// or intervention are read live altogether (the totals are not split by them).
/// </summary>
public sealed class MonthRange
{
    private readonly DashboardFilter _filter;
    private readonly List<DateOnly> _partial = [];

    private MonthRange(DashboardFilter filter)
    {
        _filter = filter;
        First = OutcomeMonths.MonthOf(filter.From);
        Last = OutcomeMonths.MonthOf(filter.To);
        if (filter.From != First)
        {
            _partial.Add(First);
        }

        if (filter.To != Last.AddMonths(1).AddDays(-1) && !_partial.Contains(Last))
        {
            _partial.Add(Last);
        }
    }

    /// <summary>The first days of the range's first and last months.</summary>
    public DateOnly First { get; }

    public DateOnly Last { get; }

    /// <summary>The month range of a filter the month totals can serve; null when they cannot.</summary>
    public static MonthRange? For(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Cause is null && filter.Intervention is null ? new MonthRange(filter) : null;
    }

    /// <summary>The rows of the month totals this range takes in.</summary>
    public IQueryable<EpisodeOutcomeMonth> Rows(IQueryable<EpisodeOutcomeMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var (first, last, partial) = (First, Last, _partial);
        var rows = months.Where(m => m.OpenedMonth <= last && m.DischargedMonth >= first
            && !partial.Contains(m.OpenedMonth) && !partial.Contains(m.DischargedMonth));
        if (_filter.TherapistId is { } therapist)
        {
            rows = rows.Where(m => m.TherapistId == therapist);
        }

        if (_filter.Region is { } region)
        {
            rows = rows.Where(m => m.Region == region);
        }

        return rows;
    }

    /// <summary>The episodes in scope that the month totals do not serve: read them live.</summary>
    public Expression<Func<EpisodeOutcome, bool>> Live()
    {
        // Each term an index range of (clinic_id, discharged_on) or (clinic_id, opened_on): the planner ORs the bitmaps.
        var live = PredicateBuilder.New<EpisodeOutcome>(false).Or(o => o.DischargedOn == null);
        foreach (var month in _partial)
        {
            var end = month.AddMonths(1);
            live = live.Or(o => o.OpenedOn >= month && o.OpenedOn < end).Or(o => o.DischargedOn >= month && o.DischargedOn < end);
        }

        return live;
    }

    /// <summary>
    /// One row of the month totals as the range counts it: its episodes are in the range's scope
    /// (it was chosen so); opened in the range if its opening month is; discharged in the range,
    /// with their discharge reasons and recorded outcomes, if its discharge month is; still active
    /// at the range's end if discharged after it. Every other figure is the episodes' own.
    /// </summary>
    public FigureGroup Group(EpisodeOutcomeMonth row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var opened = row.OpenedMonth >= First && row.OpenedMonth <= Last;
        var discharged = row.DischargedMonth >= First && row.DischargedMonth <= Last;
        var t = row.Totals;
        var within = t with
        {
            Opened = opened ? t.Opened : 0,
            Discharged = discharged ? t.Discharged : 0,
            Active = row.DischargedMonth > Last ? t.Episodes : 0,
            GoalsMet = discharged ? t.GoalsMet : 0,
            PlateauOrReferredOn = discharged ? t.PlateauOrReferredOn : 0,
            StoppedAttending = discharged ? t.StoppedAttending : 0,
            OtherReason = discharged ? t.OtherReason : 0,
            NoDischargeOutcome = discharged ? t.NoDischargeOutcome : 0,
        };
        return new FigureGroup(row.TherapistId, opened ? Key(row.OpenedMonth) : null, discharged ? Key(row.DischargedMonth) : null, within);
    }

    /// <summary>A month as the groups key it: year * 12 + month - 1.</summary>
    public static int Key(DateOnly month) => month.Year * 12 + month.Month - 1;
}
