using FluentValidation;
using LinqKit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Dashboard;

/// <summary>
/// The outcomes dashboard: the figures of the episodes a filter takes in, month by month, and
/// therapist by therapist with the case mix behind each. Managers and admins see the clinic; a
/// therapist sees their own caseload only, so a therapist's query must name themselves.
/// </summary>
[RequiresRole(StaffRoles.ClinicManager, StaffRoles.Admin, StaffRoles.Therapist)]
public sealed record GetOutcomeDashboardQuery(DashboardFilter Filter) : IQuery<Result<OutcomeDashboardDto>>;

public sealed record OutcomeDashboardDto(
    DashboardFilter Filter,
    DateOnly Today,
    OutcomeSummary Summary,
    int UnsignedNotesOverdue,
    IReadOnlyList<MonthOutcome> Months,
    IReadOnlyList<TherapistOutcome> Therapists,
    IReadOnlyList<TherapistChoice> TherapistChoices,
    IReadOnlyList<InterventionChoice> InterventionChoices);

/// <summary>
/// One month of the range: episodes opened and their no-shows, by the month they opened; episodes
/// discharged and their outcomes, by the month they were discharged.
/// </summary>
public sealed record MonthOutcome(int Year, int Month, int Opened, Rate NoShows, int Discharged, IReadOnlyList<MeasureResult> Measures)
{
    public DateOnly FirstDay => new(Year, Month, 1);
}

/// <summary>
/// One therapist's row of the comparison. Under <see cref="GetOutcomeDashboardHandler.FewestToCompare"/>
/// episodes in the range the row is marked too few to compare, and is not ranked.
/// </summary>
public sealed record TherapistOutcome(Guid TherapistId, string Name, OutcomeSummary Summary)
{
    public bool TooFewToCompare => Summary.Episodes < GetOutcomeDashboardHandler.FewestToCompare;
}

public sealed record TherapistChoice(Guid Id, string Name);

/// <summary>
/// The figures of the episodes of one therapist opened in one month of the range and discharged in
/// another (each month as year * 12 + month - 1; null when outside the range).
/// </summary>
public sealed record FigureGroup(Guid TherapistId, int? OpenedMonth, int? DischargedMonth, FigureTotals Totals);

public sealed record InterventionChoice(string Code, string Name);

public sealed class GetOutcomeDashboardValidator : AbstractValidator<GetOutcomeDashboardQuery>
{
    public GetOutcomeDashboardValidator()
    {
        RuleFor(q => q.Filter).NotNull().WithMessage("Choose the dates to look at.").SetValidator(new DashboardFilterValidator());
    }
}

public sealed class DashboardFilterValidator : AbstractValidator<DashboardFilter>
{
    public const int InterventionMaxLength = 64;

    public DashboardFilterValidator()
    {
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).WithMessage("The range ends before it starts: pick an end date on or after the start.");
        RuleFor(f => f).Must(f => f.To.DayNumber - f.From.DayNumber <= DashboardFilter.MaxDays)
            .OverridePropertyName(nameof(DashboardFilter.To))
            .WithMessage("Pick a range of at most five years.");
        RuleFor(f => f.From).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithMessage("Pick a start date from 2000 on.");
        RuleFor(f => f.To).LessThanOrEqualTo(new DateOnly(2100, 12, 31)).WithMessage("Pick an end date before 2101.");
        RuleFor(f => f.TherapistId).Must(id => id != Guid.Empty).When(f => f.TherapistId is not null).WithMessage("Choose a therapist from the list.");
        RuleFor(f => f.Region).IsInEnum().WithMessage("Choose a body region from the list.");
        RuleFor(f => f.Cause).IsInEnum().WithMessage("Choose a root cause from the list.");
        RuleFor(f => f.Intervention)
            .Matches("^[a-z0-9][a-z0-9-]*$").WithMessage("Choose an intervention from the list.")
            .MaximumLength(InterventionMaxLength).WithMessage("Choose an intervention from the list.")
            .When(f => f.Intervention is not null);
    }
}

public sealed class GetOutcomeDashboardHandler(IAppDbContext db, ICurrentUser user, ClinicClock clock)
    : IQueryHandler<GetOutcomeDashboardQuery, Result<OutcomeDashboardDto>>
{
    /// <summary>Fewer episodes than this in the range and a therapist's rates are not compared.</summary>
    public const int FewestToCompare = 10;

    public const string OwnCaseloadOnly = "Therapists see the outcomes of their own caseload only.";

    public async ValueTask<Result<OutcomeDashboardDto>> Handle(GetOutcomeDashboardQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        if (DashboardAccess.Refuses(user, filter) is { } refusal)
        {
            return refusal;
        }

        var today = await clock.TodayAsync(cancellationToken);
        var figures = new OutcomeFigures(filter.From, filter.To, today);
        var scoped = OutcomeFigures.InScope(db.EpisodeOutcomes.AsNoTracking(), filter);
        var groups = MonthRange.For(filter) is { } range
            ? await GroupsAsync(db.EpisodeOutcomeMonths.AsNoTracking(), range, scoped, figures, cancellationToken)
            : await LiveGroupsAsync(scoped, figures, cancellationToken);
        var byTherapist = groups.GroupBy(g => g.TherapistId)
            .Select(t => (Therapist: t.Key, Totals: FigureTotals.Sum(t.Select(g => g.Totals))))
            .ToList();
        var all = FigureTotals.Sum(groups.Select(g => g.Totals));

        // The medians: how many discharged episodes took each number of visits and of days, by therapist.
        var spread = await scoped.Where(figures.Discharged)
            .GroupBy(o => new { o.TherapistId, o.VisitsAttended, Days = o.DaysToDischarge ?? 0 })
            .Select(g => new { g.Key.TherapistId, g.Key.VisitsAttended, g.Key.Days, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var visits = spread.Select(s => (s.TherapistId, Value: s.VisitsAttended, s.Count)).ToList();
        var days = spread.Select(s => (s.TherapistId, Value: s.Days, s.Count)).ToList();
        var summary = OutcomeSummary.From(all,
            Median.Of(visits.GroupBy(v => v.Value).Select(v => (v.Key, v.Sum(x => x.Count)))),
            Median.Of(days.GroupBy(d => d.Value).Select(d => (d.Key, d.Sum(x => x.Count)))));

        var names = await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.FullName, s.Role, s.DeactivatedAt }).ToListAsync(cancellationToken);
        var nameOf = names.ToDictionary(n => n.Id, n => n.FullName);
        var therapists = byTherapist
            .Select(t => new TherapistOutcome(t.Therapist, nameOf.GetValueOrDefault(t.Therapist, "Former staff member"), OutcomeSummary.From(t.Totals,
                Median.Of(visits.Where(v => v.TherapistId == t.Therapist).Select(v => (v.Value, v.Count))),
                Median.Of(days.Where(d => d.TherapistId == t.Therapist).Select(d => (d.Value, d.Count))))))
            // Comparable first, by name: ranking by a rate invites reading noise as skill.
            .OrderBy(t => t.TooFewToCompare).ThenBy(t => t.Name, StringComparer.CurrentCulture)
            .ToList();

        var months = Months(groups, figures);
        var unsigned = await UnsignedNotesOverdueAsync(filter, cancellationToken);
        var choices = names.Where(n => n.Role == StaffRoles.Therapist && (n.DeactivatedAt is null || byTherapist.Any(t => t.Therapist == n.Id)))
            .Where(n => filter.TherapistId is null || !DashboardAccess.OwnCaseloadOnly(user) || n.Id == user.UserId)
            .OrderBy(n => n.FullName, StringComparer.CurrentCulture)
            .Select(n => new TherapistChoice(n.Id, n.FullName))
            .ToList();
        // The clinic's own entries and edits first: an edited seeded entry keeps its code under the clinic's name.
        var ownInterventions = await db.ClinicInterventions.AsNoTracking().Select(i => new InterventionChoice(i.Code, i.Name)).ToListAsync(cancellationToken);
        var seeded = await db.CatalogInterventions.AsNoTracking().Select(i => new InterventionChoice(i.Code, i.Name)).ToListAsync(cancellationToken);
        var interventions = ownInterventions.Concat(seeded).DistinctBy(i => i.Code).OrderBy(i => i.Name, StringComparer.CurrentCulture).ToList();
        return new OutcomeDashboardDto(filter, today, summary, unsigned, months, therapists, choices, interventions);
    }

    /// <summary>
    /// The groups of the scope from the month totals (a few rows per therapist and month) and, live,
    /// the episodes they do not serve: the running ones and those of a partly covered month.
    /// </summary>
    public static async Task<List<FigureGroup>> GroupsAsync(
        IQueryable<EpisodeOutcomeMonth> months, MonthRange range, IQueryable<EpisodeOutcome> scoped, OutcomeFigures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var rows = await range.Rows(months).ToListAsync(cancellationToken);
        var groups = rows.Select(range.Group).ToList();
        groups.AddRange(await LiveGroupsAsync(scoped.Where(range.Live()), figures, cancellationToken));
        return groups;
    }

    /// <summary>
    /// One pass over the outcome rows: every figure of each group of episodes with the same
    /// therapist, month opened in the range and month discharged in it. Every figure is a count or a
    /// sum, so the therapist table, the clinic's totals and the month charts are these groups added up.
    /// </summary>
    public static async Task<List<FigureGroup>> LiveGroupsAsync(IQueryable<EpisodeOutcome> scoped, OutcomeFigures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var totals = figures.Totals();
        var (opened, dischargedInRange) = (figures.Opened, figures.Discharged);
        return await scoped
            .GroupBy(o => new
            {
                o.TherapistId,
                OpenedMonth = opened.Invoke(o) ? o.OpenedOn.Year * 12 + o.OpenedOn.Month - 1 : (int?)null,
                DischargedMonth = dischargedInRange.Invoke(o) ? o.DischargedOn!.Value.Year * 12 + o.DischargedOn!.Value.Month - 1 : (int?)null,
            })
            .Select(g => new FigureGroup(g.Key.TherapistId, g.Key.OpenedMonth, g.Key.DischargedMonth, totals.Invoke(g)))
            .Expand().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The months of the range: the episodes opened in each (and their no-shows), the episodes
    /// discharged in each (and their outcomes), from the groups of the one pass.
    /// </summary>
    private static IReadOnlyList<MonthOutcome> Months(IReadOnlyList<FigureGroup> groups, OutcomeFigures figures)
    {
        var opened = groups.Where(g => g.OpenedMonth is not null).GroupBy(g => g.OpenedMonth!.Value)
            .ToDictionary(m => m.Key, m => FigureTotals.Sum(m.Select(g => g.Totals)));
        var discharged = groups.Where(g => g.DischargedMonth is not null).GroupBy(g => g.DischargedMonth!.Value)
            .ToDictionary(m => m.Key, m => FigureTotals.Sum(m.Select(g => g.Totals)));

        var months = new List<MonthOutcome>();
        for (var month = new DateOnly(figures.From.Year, figures.From.Month, 1); month <= figures.To; month = month.AddMonths(1))
        {
            var key = MonthRange.Key(month);
            var o = opened.GetValueOrDefault(key, FigureTotals.None);
            var d = discharged.GetValueOrDefault(key, FigureTotals.None);
            var openedSummary = OutcomeSummary.From(o, null, null);
            var dischargedSummary = OutcomeSummary.From(d, null, null);
            months.Add(new MonthOutcome(month.Year, month.Month, o.Opened, openedSummary.NoShows, d.Discharged, dischargedSummary.Measures));
        }

        return months;
    }

    /// <summary>
    /// Notes left unsigned past the deadline, now (a backlog, not a range's figure), for the
    /// episodes the filter's therapist, region, cause and intervention take in.
    /// </summary>
    private async Task<int> UnsignedNotesOverdueAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var startedBefore = clock.UtcNow - VisitNote.SigningDeadline;
        var everyDate = filter with { From = DateOnly.MinValue, To = DateOnly.MaxValue };
        var episodes = OutcomeFigures.InScope(db.EpisodeOutcomes, everyDate).Select(o => o.EpisodeId);
        return await db.Visits
            .Where(v => v.Status == VisitStatus.CheckedIn && v.StartsAt < startedBefore && episodes.Contains(v.EpisodeId))
            .CountAsync(cancellationToken);
    }
}

/// <summary>Who may see which part of the dashboard: the clinic for managers and admins, one's own caseload for a therapist.</summary>
public static class DashboardAccess
{
    public static bool OwnCaseloadOnly(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(StaffRoles.Therapist) && !user.IsInRole(StaffRoles.ClinicManager) && !user.IsInRole(StaffRoles.Admin);
    }

    /// <summary>Forbidden when a therapist asks for the clinic or a colleague's caseload.</summary>
    public static Error? Refuses(ICurrentUser user, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return OwnCaseloadOnly(user) && filter.TherapistId != user.UserId ? Error.Forbidden(GetOutcomeDashboardHandler.OwnCaseloadOnly) : null;
    }
}
