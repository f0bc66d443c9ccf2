using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// One day of the clinic's calendar (today when no day is given), by time. A therapist gets their
/// own visits and those they cover, each with the patient's safety flags. The front desk gets the
/// whole clinic's schedule to check patients in, with each visit's therapist and no clinical
/// content (no medical or red flags, no note state): <see cref="TodayDto.WholeClinic"/> says which.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record GetTodayQuery(DateOnly? Day = null) : IQuery<Result<TodayDto>>;

/// <summary><see cref="TimeZone"/> is the IANA zone the day was read in, for showing times.</summary>
public sealed record TodayDto(DateOnly Day, string TimeZone, IReadOnlyList<TodayVisitDto> Visits, bool WholeClinic = false);

public sealed record TodayVisitDto(
    Guid VisitId,
    Guid PatientId,
    string PatientName,
    string Mrn,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    VisitType Type,
    VisitStatus Status,
    NoteStatus? NoteStatus,
    bool IsCovering,
    SafetyFlagsDto Safety,
    string? TherapistName = null,
    IReadOnlyList<FlaggedKnotDto>? FlaggedKnots = null);

/// <summary>A knot of the patient that needs more than more of the same, as the day's list names it.</summary>
public sealed record FlaggedKnotDto(string Site, KnotState State, IReadOnlyList<string> Reasons);

public sealed class GetTodayHandler(IAppDbContext db, ICurrentUser currentUser, IStaffDirectory staff, ClinicClock clock)
    : IQueryHandler<GetTodayQuery, Result<TodayDto>>
{
    public async ValueTask<Result<TodayDto>> Handle(GetTodayQuery query, CancellationToken cancellationToken)
    {
        var calendar = await clock.CalendarAsync(cancellationToken);
        var day = query.Day ?? calendar.DateOf(clock.UtcNow);
        var (dayStarts, dayEnds) = calendar.DayOf(day);
        var me = currentUser.UserId;
        // A therapist who also works the desk still sees their own list, with the flags they need.
        var wholeClinic = !currentUser.IsInRole(StaffRoles.Therapist);

        var rows = await (
                from v in db.Visits
                where (wholeClinic || v.TherapistId == me || v.CoveringTherapistId == me) && v.StartsAt >= dayStarts && v.StartsAt < dayEnds
                join p in db.Patients on v.PatientId equals p.Id
                orderby v.StartsAt, v.Id
                select new
                {
                    v.Id,
                    PatientId = p.Id,
                    PatientName = p.GivenName + " " + p.FamilyName,
                    p.Mrn,
                    p.MedicalHistory,
                    v.EpisodeId,
                    v.StartsAt,
                    v.DurationMinutes,
                    v.Type,
                    v.Status,
                    NoteStatus = db.VisitNotes.Where(n => n.VisitId == v.Id).Select(n => (NoteStatus?)n.Status).FirstOrDefault(),
                    IsCovering = v.CoveringTherapistId == me,
                    TherapistId = v.CoveringTherapistId ?? v.TherapistId,
                })
            .ToListAsync(cancellationToken);
        if (wholeClinic)
        {
            var nameOf = await staff.NamesAsync(currentUser.ClinicId!.Value, cancellationToken);
            return new TodayDto(day, calendar.ZoneId, [.. rows.Select(r => new TodayVisitDto(
                r.Id, r.PatientId, r.PatientName, r.Mrn, r.StartsAt, r.DurationMinutes, r.Type, r.Status, null, false,
                SafetyFlagsDto.None, nameOf(r.TherapistId)))], WholeClinic: true);
        }

        var redFlags = await db.RedFlagsAsync([.. rows.Select(r => (r.Id, r.EpisodeId, r.StartsAt))], cancellationToken);
        var knots = await db.FlaggedKnotsAsync([.. rows.Select(r => r.PatientId).Distinct()], cancellationToken);
        var visits = rows
            .Select(r => new TodayVisitDto(
                r.Id, r.PatientId, r.PatientName, r.Mrn, r.StartsAt, r.DurationMinutes, r.Type, r.Status, r.NoteStatus, r.IsCovering,
                new SafetyFlagsDto(r.MedicalHistory.Describe(), redFlags[r.Id].ThisVisit, redFlags[r.Id].OpenOnEpisode),
                FlaggedKnots: [.. knots[r.PatientId]]))
            .ToList();

        return new TodayDto(day, calendar.ZoneId, visits);
    }
}
