namespace PtClinic.Domain.Clinics;

/// <summary>
/// The clinic's calendar: the one place where instants become the clinic's local dates and times and
/// back. "Today", an age, "not in the future" and "no-show possible" are all questions about the
/// clinic's day, never the server's or UTC's, and local times that daylight saving skips or repeats
/// have one stated answer here.
/// </summary>
public sealed class ClinicCalendar
{
    private ClinicCalendar(TimeZoneInfo zone) => Zone = zone;

    public static ClinicCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id of the zone ("Europe/London").</summary>
    public string ZoneId => Zone.Id;

    /// <summary>
    /// The calendar of an IANA zone. An unknown id falls back to UTC, so a mis-configured clinic still
    /// works and pages show "UTC" rather than failing; clinic settings accept only known zones.
    /// </summary>
    public static ClinicCalendar For(string? ianaZoneId) =>
        TryFind(ianaZoneId, out var zone) ? new ClinicCalendar(zone) : Utc;

    /// <summary>True when the id names a time zone this machine knows.</summary>
    public static bool IsKnownZone(string? ianaZoneId) => TryFind(ianaZoneId, out _);

    /// <summary>The instant as the clinic's clock shows it (the same instant, the clinic's offset).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The clinic's date at an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>
    /// The instant a local date and time on the clinic's clock stand for. A time that daylight saving
    /// skips (02:30 when clocks go from 02:00 to 03:00) is read as the same distance past the gap
    /// (03:30); a time it repeats (01:30 when clocks go back from 02:00 to 01:00) is its first
    /// occurrence.
    /// </summary>
    public DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(local))
        {
            // The offset in force before the gap: read with it, the skipped time lands past the gap.
            offset = Zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (Zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows this time.
            offset = Zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = Zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The first instant of the clinic's day (later than midnight where clocks skip midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day) => ToInstant(day, TimeOnly.MinValue);

    /// <summary>The instants of the clinic's day, end exclusive.</summary>
    public (DateTimeOffset Starts, DateTimeOffset Ends) DayOf(DateOnly day) => (StartOf(day), StartOf(day.AddDays(1)));

    /// <summary>
    /// Whole years from <paramref name="born"/> to <paramref name="today"/>; someone born on 29 February
    /// has their birthday on 1 March in other years.
    /// </summary>
    public static int AgeOn(DateOnly born, DateOnly today)
    {
        var age = today.Year - born.Year;
        return (today.Month, today.Day).CompareTo((born.Month, born.Day)) < 0 ? age - 1 : age;
    }

    /// <summary>
    /// Only IANA ids ("Europe/London"), exactly as written: Windows names ("GMT Standard Time")
    /// resolve on some machines but not on others.
    /// </summary>
    private static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || id.Trim() != id
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }
}
