using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using PtClinic.Domain.Clinics;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Services;

/// <summary>
/// The clinic's calendar for the pages, whatever zone the server or the browser is in: a 09:00 visit
/// is 09:00 on the therapist's screen, and "today" is the clinic's day. The conversions themselves
/// are the domain's <see cref="ClinicCalendar"/>; the zone comes from the sign-in (a clinic that
/// changes its zone shows it from the next sign-in, while the rules on the server use it at once).
/// </summary>
public sealed class ClinicTime(AuthenticationStateProvider authentication, TimeProvider clock)
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    private ClinicCalendar? _calendar;

    public async Task<ClinicCalendar> CalendarAsync()
    {
        if (_calendar is null)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            _calendar = ClinicCalendar.For(state.User.FindFirst(ClinicClaimTypes.TimeZone)?.Value);
        }

        return _calendar;
    }

    /// <summary>Loads the clinic's zone; pages call it before they show times.</summary>
    public Task ZoneAsync() => CalendarAsync();

    /// <summary>The calendar loaded by <see cref="CalendarAsync"/> (UTC until then).</summary>
    public ClinicCalendar Calendar => _calendar ?? ClinicCalendar.Utc;

    /// <summary>The clinic's date now.</summary>
    public DateOnly Today => Calendar.DateOf(clock.GetUtcNow());

    /// <summary>
    /// The clinic's date now for a request's signed-in user, from the zone of their sign-in: for an
    /// endpoint, which has no circuit to ask.
    /// </summary>
    public static DateOnly TodayOf(System.Security.Claims.ClaimsPrincipal user, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        return ClinicCalendar.For(user.FindFirst(ClinicClaimTypes.TimeZone)?.Value).DateOf(clock.GetUtcNow());
    }

    public DateTimeOffset Local(DateTimeOffset at) => Calendar.Local(at);

    public string Format(DateTimeOffset at, string pattern) => Local(at).ToString(pattern, Culture);

    /// <summary>The instant a date and time typed on the clinic's clock mean (daylight-saving gaps included).</summary>
    public DateTimeOffset FromLocal(DateOnly day, TimeOnly time) => Calendar.ToInstant(day, time);
}
