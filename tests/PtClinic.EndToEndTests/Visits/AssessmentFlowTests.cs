using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>
/// The structured assessment as a therapist uses it: a knot charted on the body chart, a lifestyle
/// finding (saved by itself, as the note's text is), the root cause the engine proposes from it,
/// confirmed with a reason; all still there after a reload.
/// </summary>
public sealed class AssessmentFlowTests(WebAppFixture app)
{
    private const string Site = "Biceps femoris (long head), left, middle third";

    [Fact]
    public async Task A_knot_on_the_body_chart_and_nine_hours_sitting_lead_to_a_confirmed_sedentary_lifestyle()
    {
        var visitId = await app.CheckedInVisitAsync("Ines", $"Okafor{Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/visits/{visitId}/note");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = Site, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("knot-site")).ToHaveTextAsync(Site);
        await dialog.GetByLabel("Tenderness (0–10)").FillAsync("7");
        await CheckAsync(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Lower leg" }));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save knot" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var knot = page.GetByTestId("knot");
        await Expect(knot).ToContainTextAsync(Site);
        await Expect(knot).ToContainTextAsync("tenderness 7/10, active");
        await Expect(knot).ToContainTextAsync("refers to lower leg");
        await Expect(page.GetByTestId("knot-marker")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("referral-lowerleg-left")).ToHaveCountAsync(1);

        await page.GetByLabel("Active SLR, left").FillAsync("55");
        await page.GetByLabel("Active SLR, right").FillAsync("80");
        await page.GetByLabel("Hours sitting per day").FillAsync("9");
        await page.GetByLabel("Hours sitting per day").PressAsync("Tab");

        var sedentary = page.Locator("[data-testid='hypothesis'][data-cause='SedentaryLifestyle']");
        await Expect(sedentary).ToContainTextAsync("Sedentary lifestyle");
        await Expect(sedentary).ToContainTextAsync("sits 9 h/day");
        await Expect(sedentary.GetByTestId("decision")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='hypothesis'][data-cause='ReducedFlexibility']")).ToContainTextAsync("active SLR 55° left vs 80° right");
        await page.GetByLabel("Reason for sedentary lifestyle").FillAsync("Desk job, 9 h a day without breaks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm sedentary lifestyle" }).ClickAsync();
        await Expect(sedentary.GetByTestId("decision")).ToHaveTextAsync("Confirmed");
        await Expect(sedentary).ToContainTextAsync("Desk job, 9 h a day without breaks");
        await WebAppFixture.ScreenshotAsync(page.GetByTestId("assessment"), "body-chart.png");

        await page.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("knot")).ToContainTextAsync(Site);
        await Expect(page.GetByTestId("knot-marker")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Hours sitting per day")).ToHaveValueAsync("9");
        await Expect(sedentary.GetByTestId("decision")).ToHaveTextAsync("Confirmed");

        // Signed, the assessment reads as a record: the chart is no longer clickable, the findings a summary.
        await page.GetByLabel("Subjective").FillAsync("Tight spot mid-thigh, worse after a day at the desk.");
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync(new Regex("^Saved at"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("signed-banner")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("findings-summary")).ToContainTextAsync("sits 9 h/day");
        await Expect(page.GetByTestId("findings-summary")).ToContainTextAsync("active SLR 55° left, 80° right");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Site, Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("knot-marker")).ToHaveCountAsync(1);
        await Expect(sedentary.GetByTestId("decision")).ToHaveTextAsync("Confirmed");
        await Expect(page.Locator("fieldset.findings")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_body_chart_is_usable_from_the_keyboard()
    {
        var visitId = await app.CheckedInVisitAsync("Noor", $"Haddad{Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/visits/{visitId}/note");
        await WebAppFixture.WaitForInteractiveAsync(page);

        // One tab stop for the whole chart; the arrow keys move between thirds, left and right change side.
        await Expect(page.Locator(".bc-zone[tabindex='0']")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gastrocnemius, left, middle third", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gastrocnemius, right, middle third", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gastrocnemius, right, proximal third", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("knot-site")).ToHaveTextAsync("Gastrocnemius, right, proximal third");
        await dialog.GetByLabel("Tenderness (0–10)").FillAsync("4");
        await CheckAsync(dialog.GetByRole(AriaRole.Radio, new() { Name = "Latent (tender only when pressed)" }));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save knot" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("knot")).ToContainTextAsync("Gastrocnemius, right, proximal third: tenderness 4/10, latent");

        // Findings typed and left at once, inside the pause before saving, are kept when the therapist moves on.
        await page.GetByLabel("Active days per week").FillAsync("2");
        await page.GetByLabel("Active days per week").PressAsync("Tab");
        await page.GetByRole(AriaRole.Link, new() { Name = "Patient chart" }).ClickAsync();
        await Expect(page.GetByTestId("episode")).ToBeVisibleAsync();
        await page.GotoAsync($"/visits/{visitId}/note");
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByLabel("Active days per week")).ToHaveValueAsync("2");
    }

    [Fact]
    public async Task A_questionnaire_is_scored_and_a_red_flag_must_be_answered_before_signing()
    {
        var visitId = await app.CheckedInVisitAsync("Tomas", $"Lindahl{Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/visits/{visitId}/note");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record PSFS" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        string[] activities = ["Run 5 km", "Sit through a film", "Climb two flights of stairs"];
        int[] ratings = [3, 5, 7];
        for (var i = 0; i < activities.Length; i++)
        {
            await dialog.GetByLabel($"Activity {i + 1}", new() { Exact = true }).FillAsync(activities[i]);
            var rating = dialog.GetByRole(AriaRole.Radiogroup, new() { Name = $"Activity {i + 1} rating" })
                .GetByRole(AriaRole.Radio, new() { Name = ratings[i].ToString(), Exact = true });
            await CheckAsync(rating);
        }

        await Expect(dialog.GetByTestId("outcome-score")).ToContainTextAsync("5");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("outcome")).ToContainTextAsync("PSFS");
        await Expect(page.GetByTestId("outcome")).ToContainTextAsync("5 / 10");

        await CheckAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Calf swelling with warmth" }));
        var referral = page.GetByTestId("referral");
        await Expect(referral).ToContainTextAsync("red flag: calf swelling with warmth (possible deep-vein thrombosis)");

        await page.GetByLabel("Subjective").FillAsync("Calf warm and swollen since yesterday.");
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync(new Regex("^Saved at"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "refer-to-doctor" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-banner")).ToHaveCountAsync(0);

        await CheckAsync(referral.GetByRole(AriaRole.Radio, new() { Name = "Not referring, because…" }));
        await referral.GetByRole(AriaRole.Button, new() { Name = "Record referral decision" }).ClickAsync();
        await Expect(referral).ToContainTextAsync("Document why you are not referring the patient.");
        await CheckAsync(referral.GetByRole(AriaRole.Radio, new() { Name = "Referred the patient" }));
        await referral.GetByLabel("Referred to (optional)").FillAsync("Same-day GP appointment for a DVT check");
        await referral.GetByRole(AriaRole.Button, new() { Name = "Record referral decision" }).ClickAsync();
        await Expect(referral.GetByTestId("referral-acknowledgement")).ToContainTextAsync("Referred: Same-day GP appointment for a DVT check");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("signed-banner")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("findings-summary")).ToContainTextAsync("Calf swelling with warmth");
    }

    /// <summary>
    /// Checks a MudBlazor checkbox or radio: the click is dispatched on the input itself (a forced
    /// click goes to a screen position, and rows shift as the page updates), then the server's
    /// re-render is awaited.
    /// </summary>
    private static async Task CheckAsync(ILocator input)
    {
        await input.DispatchEventAsync("click");
        await Expect(input).ToBeCheckedAsync();
    }
}
