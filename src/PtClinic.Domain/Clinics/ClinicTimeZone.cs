namespace PtClinic.Domain.Clinics;

/// <summary>
/// The IANA time zones a clinic may work in ("Europe/London"). Windows names ("GMT Standard Time")
/// resolve on some machines but not on others, so only ids with an IANA name are accepted.
/// </summary>
public static class ClinicTimeZone
{
    public static bool TryFind(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId) || ianaId.Trim() != ianaId
            || !TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static bool IsKnown(string? ianaId) => TryFind(ianaId, out _);

    /// <summary>The date on the clinic's calendar at <paramref name="instant"/>.</summary>
    public static DateOnly DateAt(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
