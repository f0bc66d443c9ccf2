using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Assessment;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Episodes;

/// <summary>
/// How an episode is going: each outcome measure's change from its first score (the baseline) to
/// its latest, and whether that reaches the MCID; and the root causes the therapist has confirmed.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetEpisodeProgressQuery(Guid EpisodeId) : IQuery<Result<EpisodeProgressDto>>;

public sealed record EpisodeProgressDto(Guid EpisodeId, IReadOnlyList<MeasureProgressDto> Measures, IReadOnlyList<ConfirmedCauseDto> ConfirmedCauses);

public sealed record MeasureProgressDto(
    OutcomeMeasure Measure,
    string Abbreviation,
    string Name,
    int Scores,
    decimal Baseline,
    DateTimeOffset BaselineAt,
    decimal Latest,
    DateTimeOffset LatestAt,
    decimal Change,
    bool IsImprovement,
    bool ReachesMcid,
    decimal Mcid);

public sealed record ConfirmedCauseDto(RootCause Cause, string Reason, IReadOnlyList<string> Evidence, string DecidedBy, DateTimeOffset DecidedAt);

public sealed class GetEpisodeProgressHandler(IAppDbContext db) : IQueryHandler<GetEpisodeProgressQuery, Result<EpisodeProgressDto>>
{
    public async ValueTask<Result<EpisodeProgressDto>> Handle(GetEpisodeProgressQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Episodes.AnyAsync(e => e.Id == query.EpisodeId, cancellationToken))
        {
            return Error.NotFound("Episode");
        }

        var scores = await db.ScoresAsync(query.EpisodeId, cancellationToken);
        var measures = scores
            .GroupBy(s => s.Measure)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var (first, last) = (g.First(), g.Last());
                var change = OutcomeChange.Between(g.Key, first.Score, last.Score);
                var definition = change.Definition;
                return new MeasureProgressDto(
                    g.Key, definition.Abbreviation, definition.Name, g.Count(), first.Score, first.VisitStartsAt,
                    last.Score, last.VisitStartsAt, change.Change, change.IsImprovement, change.ReachesMcid, definition.Mcid);
            })
            .ToList();

        var decisions = await db.CauseDecisions.AsNoTracking().Where(d => d.EpisodeId == query.EpisodeId).ToListAsync(cancellationToken);
        var confirmed = CauseDecision.Standing(decisions)
            .Where(d => d.Verdict == HypothesisVerdict.Confirmed)
            .Select(d => new ConfirmedCauseDto(d.Cause, d.Reason, d.Evidence, d.DecidedBy.Name, d.DecidedAt))
            .ToList();
        return new EpisodeProgressDto(query.EpisodeId, measures, confirmed);
    }
}
