using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests;

/// <summary>
/// The dashboard shows every clinic's jobs: only the host's operators (Jobs:DashboardAdministrators)
/// open it, and no clinic role does, managers and admins included.
/// </summary>
public sealed class JobsDashboardTests(WebAppFixture app)
{
    /// <summary>The account the test host lists as its operator.</summary>
    public static DemoUser HostOperator => DemoClinic.Admin;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/jobs");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fjobs"));
    }

    [Theory]
    [InlineData("therapist")]
    [InlineData("manager")]
    [InlineData("front desk")]
    public async Task A_clinic_role_not_listed_as_a_host_operator_is_forbidden(string who)
    {
        var page = await app.SignedInPageAsync(who switch
        {
            "therapist" => DemoClinic.Therapist,
            "manager" => DemoClinic.Manager,
            _ => DemoClinic.FrontDesk,
        });

        var response = await page.GotoAsync("/jobs");

        response!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_listed_host_operator_sees_the_Hangfire_dashboard()
    {
        var page = await app.SignedInPageAsync(HostOperator);

        var response = await page.GotoAsync("/jobs");

        response!.Status.ShouldBe(200);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("PtClinic background jobs"));
        await Expect(page.GetByText("Realtime Graph")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_manager_sees_the_clinics_unsigned_notes_report_at_home_and_no_link_to_the_dashboard()
    {
        var page = await app.SignedInPageAsync(DemoClinic.Manager);

        await Expect(page.GetByTestId("unsigned-notes-report")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-last-run")).ToContainTextAsync("unsigned-notes report");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Background jobs" })).ToHaveCountAsync(0);
        await WebAppFixture.ScreenshotAsync(page, "manager-home.png");
    }
}
