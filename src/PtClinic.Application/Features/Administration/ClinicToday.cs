using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Clinics;

namespace PtClinic.Application.Features.Administration;

internal static class ClinicToday
{
    /// <summary>
    /// Today on the current clinic's calendar. Near midnight it differs from the UTC date, and a
    /// credential valid "until today" must stay valid until the clinic's day ends.
    /// </summary>
    public static async Task<DateOnly> ClinicTodayAsync(this IAppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var zoneId = await db.Clinics.Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        return ClinicTimeZone.DateAt(ClinicTimeZone.TryFind(zoneId, out var zone) ? zone : TimeZoneInfo.Utc, clock.GetUtcNow());
    }
}
