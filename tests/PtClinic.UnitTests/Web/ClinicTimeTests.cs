using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using PtClinic.Infrastructure.Identity;
using PtClinic.Web.Components.Pages.Outcomes;
using PtClinic.Web.Services;

namespace PtClinic.UnitTests.Web;

/// <summary>An endpoint's "today" is the clinic's, from the zone of the sign-in, not the server's UTC date.</summary>
public sealed class ClinicTimeTests
{
    // 20:30 UTC on 3 December: already the 4th in Auckland, still the 3rd in London and New York.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 3, 20, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("Pacific/Auckland", 2026, 12, 4)]
    [InlineData("Europe/London", 2026, 12, 3)]
    [InlineData("America/New_York", 2026, 12, 3)]
    public void Today_is_the_clinics_date_for_the_signed_in_user(string zone, int year, int month, int day) =>
        ClinicTime.TodayOf(SignedInAt(zone), Clock).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void The_csv_default_range_is_the_twelve_months_to_the_clinics_today()
    {
        // On the 1st of January in Auckland the range is a new year's, while the server's UTC date is still in December.
        var newYear = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));
        var range = DashboardLinks.DefaultFor(ClinicTime.TodayOf(SignedInAt("Pacific/Auckland"), newYear), null);

        (range.From, range.To).ShouldBe((new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Without_a_zone_in_the_sign_in_the_date_is_UTCs() =>
        ClinicTime.TodayOf(new ClaimsPrincipal(new ClaimsIdentity()), Clock).ShouldBe(new DateOnly(2026, 12, 3));

    private static ClaimsPrincipal SignedInAt(string zone) =>
        new(new ClaimsIdentity([new Claim(ClinicClaimTypes.TimeZone, zone)], "Test"));
}
