using Microsoft.AspNetCore.Components.Authorization;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Services;

/// <summary>
/// Shows times in the clinic's own time zone, whatever zone the server runs in: a 09:00 visit is
/// 09:00 on the therapist's screen.
/// </summary>
public sealed class ClinicTime(AuthenticationStateProvider authentication)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> ZoneAsync()
    {
        if (_zone is not null)
        {
            return _zone;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var id = state.User.FindFirst(ClinicClaimTypes.TimeZone)?.Value;
        _zone = id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        return _zone;
    }

    /// <summary>The zone loaded by <see cref="ZoneAsync"/> (UTC until then).</summary>
    public TimeZoneInfo Zone => _zone ?? TimeZoneInfo.Utc;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public string Format(DateTimeOffset at, string pattern) => Local(at).ToString(pattern, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public DateTimeOffset FromLocal(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
