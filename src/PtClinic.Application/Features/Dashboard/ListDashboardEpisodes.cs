using FluentValidation;
using LinqKit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Dashboard;

/// <summary>
/// The episodes behind one figure of the dashboard, for the same filter: those the figure counts
/// (or, for a sum such as no-shows, those that add to it), optionally one month's (by opening, or
/// by discharge for the discharge figures). A page at a time, newest first; the CSV asks for them all.
/// </summary>
[RequiresRole(StaffRoles.ClinicManager, StaffRoles.Admin, StaffRoles.Therapist)]
public sealed record ListDashboardEpisodesQuery(DashboardFilter Filter, DashboardFigure Figure, int Page = 1, int PageSize = 50)
    : IQuery<Result<DashboardEpisodePage>>
{
    public const int MaxPageSize = 10_000;
}

public sealed record DashboardEpisodePage(DashboardFigure Figure, string? Measure, IReadOnlyList<DashboardEpisode> Items, int Total, int Page, int PageSize);

/// <param name="Baseline">The score of the figure's measure at the start, when the figure is about a measure.</param>
/// <param name="Final">Its score at discharge or the latest.</param>
public sealed record DashboardEpisode(
    Guid EpisodeId,
    Guid PatientId,
    string PatientName,
    string Mrn,
    string TherapistName,
    BodyRegion Region,
    EpisodeStatus Status,
    DateOnly OpenedOn,
    DateOnly? DischargedOn,
    DischargeReason? DischargeReason,
    int VisitsAttended,
    decimal? Baseline,
    decimal? Final);

public sealed class ListDashboardEpisodesValidator : AbstractValidator<ListDashboardEpisodesQuery>
{
    public ListDashboardEpisodesValidator()
    {
        RuleFor(q => q.Filter).NotNull().WithMessage("Choose the dates to look at.").SetValidator(new DashboardFilterValidator());
        RuleFor(q => q.Figure).IsInEnum().WithMessage("Choose a figure of the dashboard.");
        RuleFor(q => q.Page).InclusiveBetween(1, 100_000).WithMessage("Pick a page from 1 on.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListDashboardEpisodesQuery.MaxPageSize)
            .WithMessage($"Ask for 1 to {ListDashboardEpisodesQuery.MaxPageSize} episodes at a time.");
    }
}

public sealed class ListDashboardEpisodesHandler(IAppDbContext db, ICurrentUser user, ClinicClock clock)
    : IQueryHandler<ListDashboardEpisodesQuery, Result<DashboardEpisodePage>>
{
    public async ValueTask<Result<DashboardEpisodePage>> Handle(ListDashboardEpisodesQuery query, CancellationToken cancellationToken)
    {
        if (DashboardAccess.Refuses(user, query.Filter) is { } refusal)
        {
            return refusal;
        }

        var figures = new OutcomeFigures(query.Filter.From, query.Filter.To, await clock.TodayAsync(cancellationToken));
        var behind = OutcomeFigures.InScope(db.EpisodeOutcomes.AsNoTracking(), query.Filter).Where(figures.Selects(query.Figure));
        var total = await behind.CountAsync(cancellationToken);
        var measure = OutcomeFigures.MeasureOf(query.Figure) is { } m ? figures.Measure(m) : null;
        var (baseline, final) = measure is null
            ? ((System.Linq.Expressions.Expression<Func<Domain.Outcomes.EpisodeOutcome, decimal?>>)(o => null), (System.Linq.Expressions.Expression<Func<Domain.Outcomes.EpisodeOutcome, decimal?>>)(o => null))
            : (measure.Baseline, measure.Final);
        var items = await (
                from o in behind
                join p in db.Patients on o.PatientId equals p.Id
                join s in db.StaffMembers on o.TherapistId equals s.Id into staff
                from s in staff.DefaultIfEmpty()
                orderby o.OpenedOn descending, o.EpisodeId
                select new DashboardEpisode(
                    o.EpisodeId, o.PatientId, p.GivenName + " " + p.FamilyName, p.Mrn, s == null ? "Former staff member" : s.FullName,
                    o.Region, o.Status, o.OpenedOn, o.DischargedOn, o.DischargeReason, o.VisitsAttended, baseline.Invoke(o), final.Invoke(o)))
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Expand()
            .ToListAsync(cancellationToken);
        return new DashboardEpisodePage(query.Figure, measure?.Definition.Abbreviation, items, total, query.Page, query.PageSize);
    }
}
