using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Visits;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Episodes;

[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record GetEpisodeQuery(Guid EpisodeId) : IQuery<Result<EpisodeDto>>;

public sealed record EpisodeDto(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string ChiefComplaint,
    BodyRegion Region,
    BodySide Side,
    DateOnly? OnsetDate,
    string? ReferralSource,
    Guid TherapistId,
    string TherapistName,
    EpisodeStatus Status,
    string? HoldReason,
    DischargeReason? DischargeReason,
    string? DischargeNote,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DischargedAt,
    uint Version,
    IReadOnlyList<EpisodeVisitDto> Visits,
    EpisodePlanDto? Plan = null,
    IReadOnlyList<FlaggedKnotDto>? FlaggedKnots = null);

/// <summary>
/// The episode's plan of care at a glance: the version in force (latest signed), its
/// re-certification, whether a draft is open, and the home-program handout the patient holds.
/// </summary>
/// <param name="HandoutHeld">The latest handout version issued on the episode; null before the first.</param>
public sealed record EpisodePlanDto(int? InForceNumber, DateOnly? RecertificationDueOn, bool HasDraft, int? HandoutHeld = null, DateTimeOffset? HandoutIssuedAt = null);

/// <summary>A visit as the episode overview lists it; <see cref="NoteStatus"/> is null until charting starts.</summary>
public sealed record EpisodeVisitDto(
    Guid VisitId,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    VisitType Type,
    VisitStatus Status,
    string TherapistName,
    NoteStatus? NoteStatus,
    string? CoveringTherapistName,
    bool NoShowPossible);

public sealed class GetEpisodeHandler(IAppDbContext db, IStaffDirectory staff, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetEpisodeQuery, Result<EpisodeDto>>
{
    public async ValueTask<Result<EpisodeDto>> Handle(GetEpisodeQuery query, CancellationToken cancellationToken)
    {
        var episodes = await EpisodeReader.ReadAsync(
            db, staff, currentUser, db.Episodes.Where(e => e.Id == query.EpisodeId), clock.GetUtcNow(), cancellationToken);
        return episodes.Count == 0 ? Error.NotFound("Episode") : episodes[0];
    }
}

/// <summary>
/// Episodes with their patient, therapist and visits: three queries, however many episodes. The
/// discharge note is clinical text: only a role that may read visit notes gets it (the front desk
/// sees that an episode was discharged and why, from the list of reasons, but not the note).
/// </summary>
internal static class EpisodeReader
{
    public static async Task<IReadOnlyList<EpisodeDto>> ReadAsync(
        IAppDbContext db, IStaffDirectory staff, ICurrentUser currentUser, IQueryable<EpisodeOfCare> episodes, DateTimeOffset now, CancellationToken ct)
    {
        var clinicId = currentUser.ClinicId!.Value;
        var readsClinicalText = currentUser.MaySend<GetVisitNoteQuery>();
        var rows = await episodes
            .Join(db.Patients, e => e.PatientId, p => p.Id, (e, p) => new
            {
                e.Id, e.PatientId, PatientName = p.GivenName + " " + p.FamilyName, e.ChiefComplaint, e.Region,
                e.Side, e.OnsetDate, e.ReferralSource, e.TherapistId, e.Status, e.HoldReason, e.DischargeReason,
                e.DischargeNote, e.OpenedAt, e.DischargedAt, e.Version,
            })
            .OrderByDescending(e => e.OpenedAt).ThenByDescending(e => e.Id)
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var episodeIds = rows.Select(r => r.Id).ToList();
        var visits = await db.Visits
            .Where(v => episodeIds.Contains(v.EpisodeId))
            .OrderBy(v => v.StartsAt).ThenBy(v => v.Id)
            .Select(v => new
            {
                v.Id, v.EpisodeId, v.StartsAt, v.DurationMinutes, v.Type, v.Status, v.TherapistId, v.CoveringTherapistId,
                NoteStatus = db.VisitNotes.Where(n => n.VisitId == v.Id).Select(n => (NoteStatus?)n.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var plans = (await db.PlansOfCare
                .Where(p => episodeIds.Contains(p.EpisodeId))
                .Select(p => new { p.EpisodeId, p.Number, p.Status, p.RecertificationDueOn })
                .ToListAsync(ct))
            .ToLookup(p => p.EpisodeId);
        // The handout each patient holds: the latest version issued on the episode.
        var handouts = plans.Count == 0
            ? new Dictionary<Guid, (int Number, DateTimeOffset IssuedAt)>()
            : await db.HandoutVersions
                .Where(v => episodeIds.Contains(v.EpisodeId))
                .GroupBy(v => v.EpisodeId)
                .Select(g => new { EpisodeId = g.Key, Number = g.Max(v => v.Number), IssuedAt = g.Max(v => v.IssuedAt) })
                .ToDictionaryAsync(h => h.EpisodeId, h => (h.Number, h.IssuedAt), ct);
        // The patient's flagged knots belong on the episodes still being treated; clinical content, so
        // only for those who read notes.
        var knots = readsClinicalText
            ? await db.FlaggedKnotsAsync([.. rows.Where(r => r.Status != EpisodeStatus.Discharged).Select(r => r.PatientId).Distinct()], ct)
            : null;
        var nameOf = await staff.NamesAsync(clinicId, ct);
        var visitsByEpisode = visits.ToLookup(v => v.EpisodeId, v => new EpisodeVisitDto(
            v.Id, v.StartsAt, v.DurationMinutes, v.Type, v.Status, nameOf(v.TherapistId), v.NoteStatus,
            v.CoveringTherapistId is { } cover ? nameOf(cover) : null,
            Visit.NoShowPossible(v.Status, v.StartsAt, now)));

        return rows.Select(e => new EpisodeDto(
                e.Id, e.PatientId, e.PatientName, e.ChiefComplaint, e.Region, e.Side, e.OnsetDate, e.ReferralSource,
                e.TherapistId, nameOf(e.TherapistId), e.Status, e.HoldReason, e.DischargeReason, readsClinicalText ? e.DischargeNote : null,
                e.OpenedAt, e.DischargedAt, e.Version, visitsByEpisode[e.Id].ToList(), PlanOf(plans[e.Id].Select(p => (p.Number, p.Status, p.RecertificationDueOn)), handouts.GetValueOrDefault(e.Id)),
                knots is not null && e.Status != EpisodeStatus.Discharged ? [.. knots[e.PatientId]] : null))
            .ToList();
    }

    private static EpisodePlanDto? PlanOf(IEnumerable<(int Number, PlanStatus Status, DateOnly? RecertificationDueOn)> versions, (int Number, DateTimeOffset IssuedAt) handout)
    {
        var list = versions.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var inForce = list.Where(v => v.Status == PlanStatus.Signed).OrderByDescending(v => v.Number).FirstOrDefault();
        return new EpisodePlanDto(
            inForce.Status == PlanStatus.Signed ? inForce.Number : null,
            inForce.Status == PlanStatus.Signed ? inForce.RecertificationDueOn : null,
            list.Any(v => v.Status == PlanStatus.Draft),
            handout.Number > 0 ? handout.Number : null,
            handout.Number > 0 ? handout.IssuedAt : null);
    }
}
