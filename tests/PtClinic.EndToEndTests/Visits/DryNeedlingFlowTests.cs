using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>
/// The treatment a visit performs, as a therapist records it: a knot charted on the body chart,
/// dry needling from the knot list (with a minor bruise), two timed interventions, and the units
/// the note bills by the 8-minute rule.
/// </summary>
public sealed class DryNeedlingFlowTests(WebAppFixture app)
{
    private const string Site = "Biceps femoris (long head), left, middle third";

    [Fact]
    public async Task A_therapist_records_dry_needling_from_the_body_chart_and_sees_the_units_on_the_note()
    {
        var visitId = await app.CheckedInVisitAsync("Lena", $"Novak{Guid.NewGuid().ToString("N")[..6]}", dryNeedlingConsent: true);
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/visits/{visitId}/note");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = Site, Exact = true }).ClickAsync();
        var knotDialog = page.GetByRole(AriaRole.Dialog);
        await knotDialog.GetByLabel("Tenderness (0–10)").FillAsync("7");
        await knotDialog.GetByRole(AriaRole.Button, new() { Name = "Save knot" }).ClickAsync();
        await Expect(knotDialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("knot")).ToContainTextAsync(Site);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record dry needling" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("needle-site")).ToHaveCountAsync(1);
        await Expect(dialog.GetByTestId("dry-needling-blocked")).ToHaveCountAsync(0);
        await CheckAsync(dialog.GetByRole(AriaRole.Checkbox, new() { Name = $"Needle {Site}" }));
        await CheckAsync(dialog.GetByRole(AriaRole.Checkbox, new() { Name = $"Local twitch response at {Site}" }));
        await dialog.GetByLabel("Lot number").FillAsync("SEIRIN-J2540-24117");
        await dialog.GetByLabel("Diameter (mm)").FillAsync("3");
        await dialog.GetByLabel("Immediate response").FillAsync("Tenderness 7/10 down to 3/10 on pressure");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add an adverse event" }).ClickAsync();
        await dialog.GetByLabel("Action taken").FillAsync("Pressure for 2 minutes");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save dry needling" }).ClickAsync();
        // A needle of 3 mm is refused next to its field; nothing typed is lost.
        await Expect(dialog.GetByText("The needle diameter must be 0.12 to 0.50 mm.")).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Lot number")).ToHaveValueAsync("SEIRIN-J2540-24117");
        await Expect(page.GetByTestId("dry-needling-record")).ToHaveCountAsync(0);
        await dialog.GetByLabel("Diameter (mm)").FillAsync("0.25");
        await dialog.GetByLabel("Diameter (mm)").PressAsync("Tab");
        await WebAppFixture.ScreenshotAsync(dialog, "dry-needling-record.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save dry needling" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var record = page.GetByTestId("dry-needling-record");
        await Expect(record).ToContainTextAsync("Biceps femoris (long head), left, middle third (twitch)");
        await Expect(record).ToContainTextAsync("lot SEIRIN-J2540-24117");
        await Expect(page.GetByTestId("adverse-events")).ToHaveTextAsync("Bruising (minor); action: Pressure for 2 minutes");

        await PerformAsync(page, "Glute bridge · 97110", "33");
        await PerformAsync(page, "Trigger-point release · 97140", "7");

        await Expect(page.GetByTestId("intervention")).ToHaveCountAsync(2);
        await Expect(Units(page, "97110")).ToHaveTextAsync("2");
        await Expect(Units(page, "97140")).ToHaveTextAsync("1");
        await Expect(Units(page, "20560")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("billing-total")).ToHaveTextAsync("4");
        await WebAppFixture.ScreenshotAsync(page.GetByTestId("treatment"), "visit-treatment.png");

        await page.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("billing-total")).ToHaveTextAsync("4");
        await Expect(page.GetByTestId("dry-needling-record")).ToContainTextAsync("CPT 20560 (1 muscle), by Maya Lindqvist");
    }

    private static ILocator Units(IPage page, string cpt) =>
        page.Locator($"[data-testid='billing-line'][data-cpt='{cpt}'] [data-testid='billing-units']");

    private static async Task PerformAsync(IPage page, string intervention, string minutes)
    {
        var before = await page.GetByTestId("intervention").CountAsync();
        await page.GetByLabel("Intervention", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = intervention, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.GetByLabel("Minutes", new() { Exact = true }).FillAsync(minutes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add intervention" }).ClickAsync();
        await Expect(page.GetByTestId("intervention")).ToHaveCountAsync(before + 1);
    }

    private static async Task CheckAsync(ILocator input)
    {
        await input.DispatchEventAsync("click");
        await Expect(input).ToBeCheckedAsync();
    }
}
