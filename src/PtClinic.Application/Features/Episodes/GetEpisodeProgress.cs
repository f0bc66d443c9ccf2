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
/// Only signed visits count, as for the knot states: a draft's score can still change or go, so it
/// comes apart, as a draft, and never as the latest or in the change.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetEpisodeProgressQuery(Guid EpisodeId) : IQuery<Result<EpisodeProgressDto>>;

public sealed record EpisodeProgressDto(Guid EpisodeId, IReadOnlyList<MeasureProgressDto> Measures, IReadOnlyList<ConfirmedCauseDto> ConfirmedCauses);

/// <summary>
/// One measure of the episode: <see cref="Signed"/> is its progress over the signed visits (null
/// while it is scored only at drafts); <see cref="Drafts"/> its scores at visits not signed yet.
/// </summary>
public sealed record MeasureProgressDto(
    OutcomeMeasure Measure,
    string Abbreviation,
    string Name,
    decimal Mcid,
    SignedProgressDto? Signed,
    IReadOnlyList<DraftScoreDto> Drafts);

/// <summary>Baseline to latest over the signed visits; <see cref="Scores"/> is how many signed visits scored the measure.</summary>
public sealed record SignedProgressDto(
    int Scores,
    decimal Baseline,
    DateTimeOffset BaselineAt,
    decimal Latest,
    DateTimeOffset LatestAt,
    decimal Change,
    bool IsImprovement,
    bool ReachesMcid);

/// <summary>A score recorded at a visit whose note is still a draft.</summary>
public sealed record DraftScoreDto(Guid VisitId, DateTimeOffset VisitStartsAt, decimal Score);

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
                var definition = OutcomeMeasureDefinition.For(g.Key);
                return new MeasureProgressDto(
                    g.Key, definition.Abbreviation, definition.Name, definition.Mcid,
                    SignedProgress(g.Key, [.. g.Where(s => s.IsSigned)]),
                    [.. g.Where(s => !s.IsSigned).Select(s => new DraftScoreDto(s.VisitId, s.VisitStartsAt, s.Score))]);
            })
            .ToList();

        var decisions = await db.CauseDecisions.AsNoTracking().Where(d => d.EpisodeId == query.EpisodeId).ToListAsync(cancellationToken);
        var confirmed = CauseDecision.Standing(decisions)
            .Where(d => d.Verdict == HypothesisVerdict.Confirmed)
            .Select(d => new ConfirmedCauseDto(d.Cause, d.Reason, d.Evidence, d.DecidedBy.Name, d.DecidedAt))
            .ToList();
        return new EpisodeProgressDto(query.EpisodeId, measures, confirmed);
    }

    private static SignedProgressDto? SignedProgress(OutcomeMeasure measure, IReadOnlyList<EpisodeScore> signed)
    {
        if (signed.Count == 0)
        {
            return null;
        }

        var (first, last) = (signed[0], signed[^1]);
        var change = OutcomeChange.Between(measure, first.Score, last.Score);
        return new SignedProgressDto(
            signed.Count, first.Score, first.VisitStartsAt, last.Score, last.VisitStartsAt, change.Change, change.IsImprovement, change.ReachesMcid);
    }
}
