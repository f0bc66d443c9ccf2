using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// A visit's structured assessment for the note page: findings, knots, questionnaires with the
/// change since the episode's baseline, the root causes the engine proposes from these findings
/// with the therapist's standing decisions, and any refer-to-doctor recommendation. A signed note
/// shows the decisions as they stood when it was signed.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetVisitAssessmentQuery(Guid VisitId) : IQuery<Result<VisitAssessmentDto>>;

public sealed record VisitAssessmentDto(
    Guid VisitId,
    Guid? AssessmentId,
    uint? Version,
    DateTimeOffset? LastEditedAt,
    bool IsFrozen,
    bool CanEdit,
    FindingsInput Findings,
    IReadOnlyList<KnotDto> Knots,
    IReadOnlyList<VisitOutcomeDto> Outcomes,
    IReadOnlyList<HypothesisDto> Hypotheses,
    IReadOnlyList<CauseDecisionDto> Decisions,
    ReferralDto? Referral,
    IReadOnlyList<string> PsfsBaselineActivities,
    IReadOnlyList<TrackedSiteDto> TrackedSites);

/// <summary>What this visit says about a tracked site: the knot found, absent, or not assessed (no answer).</summary>
public enum KnotAnswer
{
    NotAssessed,
    Present,
    Absent,
}

/// <summary>
/// One of the patient's tracked knot sites as the follow-up's body chart starts from it: its state
/// after the signed visits so far, and this visit's answer (with the knot, when found).
/// </summary>
public sealed record TrackedSiteDto(KnotSiteDto Site, KnotAnswer Answer, Guid? KnotId);

public sealed record KnotDto(
    Guid Id,
    string MuscleCode,
    string MuscleName,
    BodySide Side,
    MuscleZone Zone,
    int Tenderness,
    decimal? PressurePainThreshold,
    int? SizeMm,
    bool IsActive,
    bool LocalTwitchResponse,
    IReadOnlyList<ReferredPainArea> ReferredPain);

/// <summary>A questionnaire answered at this visit, and how far it has moved since the episode's first signed score.</summary>
public sealed record VisitOutcomeDto(
    OutcomeMeasure Measure,
    string Abbreviation,
    decimal Score,
    IReadOnlyList<int?> Ratings,
    IReadOnlyList<string> ActivityNames,
    OutcomeChangeDto? SinceBaseline);

public sealed record OutcomeChangeDto(decimal Baseline, DateTimeOffset BaselineAt, decimal Change, bool IsImprovement, bool ReachesMcid, decimal Mcid);

public sealed record HypothesisDto(RootCause Cause, int Score, IReadOnlyList<string> Evidence, CauseDecisionDto? Decision);

public sealed record CauseDecisionDto(RootCause Cause, HypothesisVerdict Verdict, string Reason, IReadOnlyList<string> Evidence, string DecidedBy, DateTimeOffset DecidedAt, bool DecidedAtThisVisit);

public sealed record ReferralDto(IReadOnlyList<string> Reasons, ReferralAcknowledgementDto? Acknowledgement);

public sealed record ReferralAcknowledgementDto(ReferralAction Action, string Note, string By, DateTimeOffset At);

public sealed class GetVisitAssessmentHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ClinicClock clinicClock)
    : IQueryHandler<GetVisitAssessmentQuery, Result<VisitAssessmentDto>>
{
    private static readonly Dictionary<string, string> MuscleNames = MuscleCatalog.All.ToDictionary(m => m.Code, m => m.Name);

    public async ValueTask<Result<VisitAssessmentDto>> Handle(GetVisitAssessmentQuery query, CancellationToken cancellationToken)
    {
        var chart = await db.ChartedVisitAsync(query.VisitId, cancellationToken);
        if (chart is null)
        {
            return Error.NotFound("Visit");
        }

        var visit = chart.Visit;
        var signed = chart.NoteStatus == NoteStatus.Signed;
        var assessment = await db.VisitAssessments.AsNoTracking()
            .Include(a => a.Knots)
            .Include(a => a.Absences)
            .Include(a => a.Outcomes)
            .FirstOrDefaultAsync(a => a.VisitId == visit.Id, cancellationToken);
        var signedAt = signed
            ? await db.VisitNotes.Where(n => n.VisitId == visit.Id).Select(n => n.SignedAt).FirstAsync(cancellationToken)
            : null;
        var decisions = await db.CauseDecisions.AsNoTracking().Where(d => d.EpisodeId == visit.EpisodeId).ToListAsync(cancellationToken);
        var scores = await db.ScoresAsync(visit.EpisodeId, cancellationToken);

        var findings = assessment?.Findings ?? Findings.None;
        // A signed note shows the causes as they stood when it was signed; a draft, as they stand now.
        var asOf = assessment?.FrozenAt ?? signedAt ?? clock.GetUtcNow();
        var standing = CauseDecision.Standing(decisions, asOf)
            .Select(d => new CauseDecisionDto(d.Cause, d.Verdict, d.Reason, d.Evidence, d.DecidedBy.Name, d.DecidedAt, d.VisitId == visit.Id))
            .ToList();
        var hypotheses = RootCauseEngine.Propose(findings)
            .Select(h => new HypothesisDto(h.Cause, h.Score, h.Evidence, standing.SingleOrDefault(d => d.Cause == h.Cause)))
            .ToList();

        return new VisitAssessmentDto(
            visit.Id,
            assessment?.Id,
            assessment?.Version,
            assessment?.LastEditedAt,
            assessment?.IsFrozen == true || signed,
            // The rule and the role the commands are held to, so the page offers only what will succeed.
            CanEdit: chart.DecisionFor(currentUser).MayChart && currentUser.MaySend<SaveFindingsCommand>(),
            FindingsInput.From(findings),
            [.. (assessment?.Knots ?? []).OrderBy(k => k.Id).Select(ToDto)],
            [.. (assessment?.Outcomes ?? []).OrderBy(o => o.Measure).Select(o => ToDto(o, visit, scores))],
            hypotheses,
            standing,
            await ReferralAsync(visit, findings, scores, cancellationToken),
            await PsfsBaselineActivitiesAsync(visit.EpisodeId, cancellationToken),
            await TrackedSitesAsync(visit.PatientId, assessment, cancellationToken));
    }

    /// <summary>The patient's tracked sites, flagged first, each with what this visit says about it.</summary>
    private async Task<IReadOnlyList<TrackedSiteDto>> TrackedSitesAsync(Guid patientId, VisitAssessment? assessment, CancellationToken cancellationToken)
    {
        var stored = await db.KnotSites.AsNoTracking().Where(s => s.PatientId == patientId).ToListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return [];
        }

        var describe = await db.KnotDescriberAsync(patientId, clinicClock, cancellationToken);
        return [.. stored.Select(s => describe(s.Track)).OrderBy(KnotSites.Order).Select(site =>
        {
            var knot = assessment?.Knots.FirstOrDefault(k => k.Site == site.Key);
            var answer = knot is not null ? KnotAnswer.Present
                : assessment?.Absences.Any(a => a.Site == site.Key) == true ? KnotAnswer.Absent
                : KnotAnswer.NotAssessed;
            return new TrackedSiteDto(site, answer, knot?.Id);
        })];
    }

    private static KnotDto ToDto(KnotFinding k) => new(
        k.Id, k.MuscleCode, MuscleNames.GetValueOrDefault(k.MuscleCode, k.MuscleCode), k.Side, k.Zone, k.Tenderness,
        k.PressurePainThreshold, k.SizeMm, k.IsActive, k.LocalTwitchResponse, k.ReferredPain);

    private static VisitOutcomeDto ToDto(RecordedOutcome outcome, Visit visit, IReadOnlyList<EpisodeScore> scores)
    {
        var definition = OutcomeMeasureDefinition.For(outcome.Measure);
        // The baseline is the episode's first signed score, as on the episode's progress; this
        // visit's own score is compared with it, draft or not, since this is the note being charted.
        var baseline = scores.FirstOrDefault(s => s.Measure == outcome.Measure && s.IsSigned);
        OutcomeChangeDto? sinceBaseline = null;
        if (baseline is not null && baseline.VisitId != visit.Id && baseline.VisitStartsAt <= visit.StartsAt)
        {
            var change = OutcomeChange.Between(outcome.Measure, baseline.Score, outcome.Score);
            sinceBaseline = new OutcomeChangeDto(baseline.Score, baseline.VisitStartsAt, change.Change, change.IsImprovement, change.ReachesMcid, definition.Mcid);
        }

        return new VisitOutcomeDto(outcome.Measure, definition.Abbreviation, outcome.Score, outcome.Ratings, outcome.ActivityNames, sinceBaseline);
    }

    /// <summary>The activities the patient named at the episode's first PSFS: follow-ups re-rate the same ones, in their words.</summary>
    private async Task<IReadOnlyList<string>> PsfsBaselineActivitiesAsync(Guid episodeId, CancellationToken cancellationToken) =>
        await (
                from a in db.VisitAssessments
                join v in db.Visits on a.VisitId equals v.Id
                join o in db.RecordedOutcomes on a.Id equals o.AssessmentId
                where a.EpisodeId == episodeId && o.Measure == OutcomeMeasure.Psfs
                orderby v.StartsAt
                select o.ActivityNames)
            .FirstOrDefaultAsync(cancellationToken) ?? [];

    private async Task<ReferralDto?> ReferralAsync(Visit visit, Findings findings, IReadOnlyList<EpisodeScore> scores, CancellationToken cancellationToken)
    {
        var recommendation = ClinicalReasoning.ReferralAt(findings, scores, visit.StartsAt);
        if (recommendation is null)
        {
            return null;
        }

        var answer = await db.AnswerToAsync(visit.Id, recommendation, cancellationToken);
        return new ReferralDto(
            [.. recommendation.Reasons.Select(r => r.Text)],
            answer is null ? null : new ReferralAcknowledgementDto(answer.Action, answer.Note, answer.AcknowledgedBy.Name, answer.AcknowledgedAt));
    }
}
