using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests;

/// <summary>A page a role may not open says so, rather than "not found" or the sign-in page.</summary>
public sealed class AccessTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/today")]
    [InlineData("/visits/00000000-0000-0000-0000-000000000001/note")]
    public async Task The_front_desk_is_told_it_has_no_access_to_clinical_pages(string path)
    {
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You don't have access to this page" })).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sign-in"));
        await WebAppFixture.ScreenshotAsync(page, path == "/today" ? "access-denied.png" : "access-denied-note.png");
    }

    [Fact]
    public async Task The_front_desk_is_not_offered_hold_resume_or_discharge()
    {
        var visitId = await app.CheckedInVisitAsync("Hana", "Sato");
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);
        var patientId = await app.PatientOfVisitAsync(visitId);

        await page.GotoAsync($"/patients/{patientId}");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Schedule visit" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Put on hold" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Discharge" })).ToHaveCountAsync(0);
    }
}
