using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Episodes;

/// <summary>
/// The episode's red flags: the open ones, oldest first, each with the referral answered at a
/// visit that covers it (to offer its wording when the therapist closes it as referred), and the
/// closed ones as history, latest closed first. Clinical staff only.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetEpisodeRedFlagsQuery(Guid EpisodeId) : IQuery<Result<EpisodeRedFlagsDto>>;

public sealed record EpisodeRedFlagsDto(Guid EpisodeId, IReadOnlyList<EpisodeRedFlagDto> Open, IReadOnlyList<EpisodeRedFlagDto> Closed);

/// <param name="ReferralAtVisit">For an open flag, the latest referral answered "referred" at a visit that covers it.</param>
public sealed record EpisodeRedFlagDto(
    Guid Id,
    RedFlag Flag,
    Guid RaisedAtVisitId,
    DateTimeOffset RaisedAtVisitStartsAt,
    string RaisedBy,
    RedFlagClosing? ClosedAs,
    string? ClosingNote,
    string? ReferredTo,
    DateOnly? ReferredOn,
    string? ClosedBy,
    DateTimeOffset? ClosedAt,
    ReferralAtVisitDto? ReferralAtVisit);

public sealed record ReferralAtVisitDto(Guid AcknowledgementId, string Note, DateTimeOffset AcknowledgedAt);

public sealed class GetEpisodeRedFlagsHandler(IAppDbContext db) : IQueryHandler<GetEpisodeRedFlagsQuery, Result<EpisodeRedFlagsDto>>
{
    public async ValueTask<Result<EpisodeRedFlagsDto>> Handle(GetEpisodeRedFlagsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Episodes.AnyAsync(e => e.Id == query.EpisodeId, cancellationToken))
        {
            return Error.NotFound("Episode");
        }

        var flags = await db.EpisodeRedFlags.AsNoTracking()
            .Where(f => f.EpisodeId == query.EpisodeId)
            .OrderBy(f => f.RaisedAtVisitStartsAt).ThenBy(f => f.Flag)
            .ToListAsync(cancellationToken);
        var answers = flags.Any(f => f.IsOpen) ? await db.ReferralAnswersAsync(query.EpisodeId, cancellationToken) : [];

        EpisodeRedFlagDto Dto(EpisodeRedFlag f, ReferralAnswer? answer) => new(
            f.Id, f.Flag, f.RaisedAtVisitId, f.RaisedAtVisitStartsAt, f.RaisedBy.Name, f.ClosedAs, f.ClosingNote, f.ReferredTo,
            f.ReferredOn, f.ClosedBy?.Name, f.ClosedAt,
            answer is null ? null : new ReferralAtVisitDto(answer.Id, answer.Note, answer.AcknowledgedAt));

        return new EpisodeRedFlagsDto(
            query.EpisodeId,
            [.. flags.Where(f => f.IsOpen).Select(f => Dto(f, RedFlagReferrals.AnswerFor(f, answers)))],
            [.. flags.Where(f => !f.IsOpen).OrderByDescending(f => f.ClosedAt).Select(f => Dto(f, null))]);
    }
}

/// <summary>A visit's "referred" answer to a refer-to-doctor recommendation, as a red flag's closing may point at it.</summary>
internal sealed record ReferralAnswer(Guid Id, string Note, DateTimeOffset AcknowledgedAt, DateTimeOffset VisitStartsAt, IReadOnlyList<string> ReasonCodes);

internal static class RedFlagReferrals
{
    /// <summary>The episode's "referred" answers, latest first: a handful per episode at most.</summary>
    public static async Task<IReadOnlyList<ReferralAnswer>> ReferralAnswersAsync(this IAppDbContext db, Guid episodeId, CancellationToken cancellationToken) =>
        await (
                from a in db.ReferralAcknowledgements
                where a.EpisodeId == episodeId && a.Action == ReferralAction.Referred
                join v in db.Visits on a.VisitId equals v.Id
                orderby a.AcknowledgedAt descending
                select new ReferralAnswer(a.Id, a.Note, a.AcknowledgedAt, v.StartsAt, a.ReasonCodes))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The latest answer that referred the patient for this very flag (by its reason code), at
    /// the visit that raised it or a later one: that referral is the one the closing records.
    /// </summary>
    public static ReferralAnswer? AnswerFor(EpisodeRedFlag flag, IEnumerable<ReferralAnswer> answers)
    {
        var code = ReferralRules.CodeOf(flag.Flag);
        return answers.FirstOrDefault(a => a.VisitStartsAt >= flag.RaisedAtVisitStartsAt && a.ReasonCodes.Contains(code));
    }
}
