using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Clinics;

namespace PtClinic.Application.Common.Time;

/// <summary>
/// The current clinic's calendar and date for one operation: "today" is the clinic's day, never the
/// server's or UTC's. The clinic's zone is read once per operation, and only when asked for.
/// </summary>
public sealed class ClinicClock(IAppDbContext db, TimeProvider clock)
{
    private ClinicCalendar? _calendar;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async ValueTask<ClinicCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        _calendar ??= ClinicCalendar.For(await db.Clinics.Select(c => c.TimeZone).FirstOrDefaultAsync(cancellationToken));

    /// <summary>The clinic's date now.</summary>
    public async ValueTask<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).DateOf(clock.GetUtcNow());
}
