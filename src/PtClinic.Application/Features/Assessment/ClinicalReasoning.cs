using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// One score of an episode's questionnaire, at the visit it was recorded; <see cref="IsSigned"/> once
/// that visit's note is signed (a draft's score can still change or go).
/// </summary>
public sealed record EpisodeScore(OutcomeMeasure Measure, Guid VisitId, DateTimeOffset VisitStartsAt, decimal Score, bool IsSigned);

/// <summary>The queries the reasoning aid runs over an episode: its scores, and whether to refer.</summary>
internal static class ClinicalReasoning
{
    /// <summary>
    /// Every questionnaire score of the episode, first visit first (cancelled visits have none),
    /// drafts included: the reasoning aid weighs the visit being charted. What reports progress takes
    /// the signed ones only.
    /// </summary>
    public static async Task<IReadOnlyList<EpisodeScore>> ScoresAsync(this IAppDbContext db, Guid episodeId, CancellationToken cancellationToken) =>
        await (
                from a in db.VisitAssessments
                join v in db.Visits on a.VisitId equals v.Id
                join o in db.RecordedOutcomes on a.Id equals o.AssessmentId
                where a.EpisodeId == episodeId
                orderby v.StartsAt, o.Measure
                select new EpisodeScore(o.Measure, v.Id, v.StartsAt, o.Score, a.FrozenAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The refer-to-doctor recommendation at a visit: its red flags, and NPRS across the episode's
    /// visits up to this one.
    /// </summary>
    public static ReferralRecommendation? ReferralAt(Findings findings, IReadOnlyList<EpisodeScore> scores, DateTimeOffset visitStartsAt) =>
        ReferralRules.Evaluate(
            findings,
            [.. scores.Where(s => s.Measure == OutcomeMeasure.Nprs && s.VisitStartsAt <= visitStartsAt).Select(s => (int)s.Score)]);

    /// <summary>
    /// The latest answer given at the visit that covers every reason the recommendation now gives,
    /// matched by the reasons' codes (an answer to one red flag does not answer a second one recorded
    /// after it; a changed NPRS in the sentence does not un-answer it), or null.
    /// </summary>
    public static async Task<ReferralAcknowledgement?> AnswerToAsync(
        this IAppDbContext db, Guid visitId, ReferralRecommendation recommendation, CancellationToken cancellationToken)
    {
        var answers = await db.ReferralAcknowledgements.AsNoTracking()
            .Where(r => r.VisitId == visitId)
            .OrderByDescending(r => r.AcknowledgedAt)
            .ToListAsync(cancellationToken);
        return answers.FirstOrDefault(a => a.Answers(recommendation));
    }

    /// <summary>The visit's findings, or none when nothing is charted yet.</summary>
    public static async Task<Findings> FindingsAtAsync(this IAppDbContext db, Guid visitId, CancellationToken cancellationToken) =>
        await db.VisitAssessments.Where(a => a.VisitId == visitId).Select(a => a.Findings).FirstOrDefaultAsync(cancellationToken)
        ?? Findings.None;
}
