using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests;

/// <summary>
/// A page a role may not open says so, rather than "not found" or the sign-in page; pages a role
/// may open show only what the access table gives it (docs/security.md).
/// </summary>
public sealed class AccessTests(WebAppFixture app)
{
    [Fact]
    public async Task The_front_desk_opening_a_note_by_its_address_is_told_it_has_no_access()
    {
        var visitId = await app.CheckedInVisitAsync("Rosa", "Lind");
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);

        await page.GotoAsync($"/visits/{visitId}/note");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You don't have access to this page" })).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sign-in"));
        await WebAppFixture.ScreenshotAsync(page, "access-denied-note.png");
    }

    [Theory]
    [InlineData("/patients")]
    [InlineData("/today")]
    [InlineData("/visits/00000000-0000-0000-0000-000000000001/note")]
    public async Task An_admin_is_told_it_has_no_access_to_patient_records(string path)
    {
        var page = await app.SignedInPageAsync(DemoClinic.Admin);

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You don't have access to this page" })).ToBeVisibleAsync();
        if (path == "/patients")
        {
            await WebAppFixture.ScreenshotAsync(page, "access-denied.png");
        }
    }

    [Fact]
    public async Task The_front_desk_sees_demographics_consents_and_visits_on_a_chart_but_no_note()
    {
        var visitId = await app.CheckedInVisitAsync("Hana", "Sato");
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);
        var patientId = await app.PatientOfVisitAsync(visitId);

        await page.GotoAsync($"/patients/{patientId}");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hana Sato" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demographics" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Consents" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Schedule visit" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open note" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Read note" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Put on hold" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Discharge" })).ToHaveCountAsync(0);
        await WebAppFixture.ScreenshotAsync(page, "front-desk-chart.png");
    }

    [Fact]
    public async Task The_front_desk_sees_the_clinics_day_on_Today_without_note_links()
    {
        await app.CheckedInVisitAsync("Ines", "Moreau");
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);

        await page.GotoAsync("/today");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ines Moreau" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Therapist" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Note" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the note for Ines Moreau" })).ToHaveCountAsync(0);
        await WebAppFixture.ScreenshotAsync(page, "front-desk-today.png");
    }
}
