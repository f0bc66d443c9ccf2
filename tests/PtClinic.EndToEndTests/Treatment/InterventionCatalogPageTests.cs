using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Treatment;

/// <summary>
/// The catalog's upkeep as an admin does it: an exercise of the clinic's own, refused with the dose
/// out of range beside the field, then added; and retiring it keeps it listed as retired. The
/// exercise has a name of its own: the database is shared with the other browser tests.
/// </summary>
public sealed class InterventionCatalogPageTests(WebAppFixture app)
{
    [Fact]
    public async Task The_admin_adds_an_exercise_after_correcting_its_dose_and_retires_it()
    {
        var name = "Nordic curl " + Guid.NewGuid().ToString("N")[..6];
        var admin = await app.SignedInPageAsync(DemoClinic.Admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Intervention catalog" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Intervention catalog", Level = 1 })).ToBeVisibleAsync();
        await WebAppFixture.WaitForInteractiveAsync(admin);
        var needling = admin.Locator("[data-testid='catalog-row'][data-code='dry-needling']");
        await Expect(needling).ToContainTextAsync("Anticoagulants");
        await Expect(needling).ToContainTextAsync("20560 · untimed");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Add exercise" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByLabel("Sets").FillAsync("200");
        await dialog.GetByLabel("Repetitions").FillAsync("6");
        await dialog.GetByLabel("Instructions, in the patient's words").FillAsync("Kneel with your heels held down.\nLower yourself forward slowly.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add exercise" }).ClickAsync();
        await Expect(dialog.GetByText("Sets must be 1 to 10.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Sets").FillAsync("3");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add exercise" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var row = admin.GetByTestId("catalog-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("3 sets of 6");
        await Expect(row.GetByTestId("catalog-status")).ToHaveTextAsync("This clinic's own");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Retire {name}" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Retire" }).ClickAsync();
        await Expect(row.GetByTestId("catalog-status")).ToHaveTextAsync("Retired · This clinic's own");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Reinstate {name}" })).ToBeVisibleAsync();
    }
}
