using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// The signed-in therapist's visits on one day of the clinic's calendar (today when no day is given):
/// their own and those they cover, by time, each with the patient's safety flags.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record GetTodayQuery(DateOnly? Day = null) : IQuery<Result<TodayDto>>;

/// <summary><see cref="TimeZone"/> is the IANA zone the day was read in, for showing times.</summary>
public sealed record TodayDto(DateOnly Day, string TimeZone, IReadOnlyList<TodayVisitDto> Visits);

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
    SafetyFlagsDto Safety);

public sealed class GetTodayHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetTodayQuery, Result<TodayDto>>
{
    public async ValueTask<Result<TodayDto>> Handle(GetTodayQuery query, CancellationToken cancellationToken)
    {
        var zoneId = await db.Clinics.Select(c => c.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = ClinicCalendar.Zone(zoneId);
        var day = query.Day ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var (dayStarts, dayEnds) = (ClinicCalendar.StartOf(day, zone), ClinicCalendar.StartOf(day.AddDays(1), zone));
        var me = currentUser.UserId;

        var rows = await (
                from v in db.Visits
                where (v.TherapistId == me || v.CoveringTherapistId == me) && v.StartsAt >= dayStarts && v.StartsAt < dayEnds
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
                })
            .ToListAsync(cancellationToken);
        var redFlags = await db.RedFlagsAsync([.. rows.Select(r => (r.Id, r.EpisodeId, r.StartsAt))], cancellationToken);
        var visits = rows
            .Select(r => new TodayVisitDto(
                r.Id, r.PatientId, r.PatientName, r.Mrn, r.StartsAt, r.DurationMinutes, r.Type, r.Status, r.NoteStatus, r.IsCovering,
                new SafetyFlagsDto(r.MedicalHistory.Describe(), redFlags[r.Id].ThisVisit, redFlags[r.Id].LastSigned)))
            .ToList();

        return new TodayDto(day, zone.Id, visits);
    }
}

/// <summary>Days of the clinic's calendar as instants, whatever the server's own zone.</summary>
internal static class ClinicCalendar
{
    /// <summary>
    /// The clinic's zone. An unknown id falls back to UTC, and the DTOs carry the zone used, so the
    /// page shows "UTC" rather than failing for every therapist of a mis-configured clinic.
    /// </summary>
    public static TimeZoneInfo Zone(string? ianaId)
    {
        if (!string.IsNullOrWhiteSpace(ianaId))
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where clocks spring forward at midnight, the day starts when the gap ends.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // Where they fall back over midnight, the day starts at the first of the two midnights.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
