using System.Net;
using System.Security.Claims;
using PtClinic.Web.Security;

namespace PtClinic.UnitTests.Web;

/// <summary>The jobs dashboard shows every clinic's jobs: host operators only, nobody by default.</summary>
public sealed class JobsDashboardAccessTests
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public void With_no_list_nobody_may_open_it_outside_development()
    {
        var filter = new JobsDashboardAuthorizationFilter([], isDevelopment: false);

        filter.Allows(SignedIn("ops@host.example"), IPAddress.Loopback).ShouldBeFalse();
        filter.Allows(SignedIn("ops@host.example"), Remote).ShouldBeFalse();
    }

    [Fact]
    public void With_no_list_a_developer_on_localhost_may_open_it_and_nobody_from_elsewhere()
    {
        var filter = new JobsDashboardAuthorizationFilter([], isDevelopment: true);

        filter.Allows(SignedIn("dev@localhost"), IPAddress.Loopback).ShouldBeTrue();
        filter.Allows(SignedIn("dev@localhost"), IPAddress.IPv6Loopback).ShouldBeTrue();
        filter.Allows(SignedIn("dev@localhost"), Remote).ShouldBeFalse();
        filter.Allows(new ClaimsPrincipal(new ClaimsIdentity()), IPAddress.Loopback).ShouldBeFalse();
    }

    [Fact]
    public void A_listed_email_may_open_it_from_anywhere_and_a_clinic_role_alone_gives_nothing()
    {
        var filter = new JobsDashboardAuthorizationFilter(["Ops@Host.example"], isDevelopment: true);

        filter.Allows(SignedIn("ops@host.example"), Remote).ShouldBeTrue();
        filter.Allows(SignedIn("admin@clinic.example", "Admin"), IPAddress.Loopback).ShouldBeFalse();
        filter.Allows(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "ops@host.example")])), Remote).ShouldBeFalse();
    }

    private static ClaimsPrincipal SignedIn(string email, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, email), .. roles.Select(role => new Claim(ClaimTypes.Role, role))], authenticationType: "Test"));
}
