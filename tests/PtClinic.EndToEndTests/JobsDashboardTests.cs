using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests;

public sealed class JobsDashboardTests(WebAppFixture app)
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/jobs");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fjobs"));
    }

    [Fact]
    public async Task A_therapist_is_forbidden()
    {
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);

        var response = await page.GotoAsync("/jobs");

        response!.Status.ShouldBe(403);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("manager")]
    public async Task Admins_and_clinic_managers_see_the_Hangfire_dashboard(string who)
    {
        var page = await app.SignedInPageAsync(who == "admin" ? DemoClinic.Admin : DemoClinic.Manager);

        var response = await page.GotoAsync("/jobs");

        response!.Status.ShouldBe(200);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("PtClinic background jobs"));
        await Expect(page.GetByText("Realtime Graph")).ToBeVisibleAsync();
    }
}
