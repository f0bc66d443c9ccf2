using Microsoft.Playwright;
using PtClinic.EndToEndTests.Visits;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Knots;

/// <summary>
/// Aisha's left hamstring knot resolved, and came back three weeks later in a new episode: the
/// Today list, her episode and her chart say so; at today's follow-up the therapist answers for
/// each tracked knot, signs, and the states move. Signs a demo note, so it runs alone.
/// </summary>
[Collection(typeof(AppAloneCollection))]
public sealed class KnotTrackingFlowTests(WebAppFixture app)
{
    private const string Hamstring = "[data-site='biceps-femoris-long-head/left/middlethird']";
    private const string Calf = "[data-site='gastrocnemius/right/middlethird']";

    [Fact]
    public async Task A_recurred_knot_is_flagged_everywhere_and_a_follow_up_that_finds_it_gone_resolves_it()
    {
        var aisha = await app.DemoPatientAsync("P000105");
        var visitId = await app.DemoVisitTodayAsync("P000105");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);

        await page.GotoAsync("/today");
        await WebAppFixture.WaitForInteractiveAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Aisha Rahman" });
        var flagged = row.GetByTestId("flagged-knot").Filter(new() { HasText = "Left biceps femoris (long head), middle third" });
        await Expect(flagged.GetByTestId("knot-state")).ToHaveTextAsync("Recurred");
        await Expect(flagged.GetByTestId("knot-flag")).ToBeVisibleAsync();

        await page.GotoAsync($"/patients/{aisha}");
        await WebAppFixture.WaitForInteractiveAsync(page);
        var episode = page.GetByTestId("episode").Filter(new() { HasText = "back after returning to 20 km runs" });
        var episodeFlag = episode.GetByTestId("flagged-knot").Filter(new() { HasText = "Left biceps femoris (long head), middle third" });
        await Expect(episodeFlag.GetByTestId("knot-state")).ToHaveTextAsync("Recurred");
        await Expect(episodeFlag).ToContainTextAsync("came back 21 days after resolving");

        // The timeline: two episodes; the hamstring found at four visits and absent at one, the
        // calf not examined at one visit, which stays a gap.
        var overview = page.GetByTestId("knot-overview");
        await Expect(overview.GetByTestId("timeline-episode")).ToHaveCountAsync(2);
        var hamstring = overview.Locator($"[data-testid='timeline-site']{Hamstring}");
        await Expect(hamstring).ToContainTextAsync("Recurred");
        await Expect(hamstring.Locator("[data-testid='timeline-point'][data-present='true']")).ToHaveCountAsync(4);
        await Expect(hamstring.Locator("[data-testid='timeline-point'][data-present='false']")).ToHaveCountAsync(1);
        var calf = overview.Locator($"[data-testid='timeline-site']{Calf}");
        await Expect(calf).ToContainTextAsync("Persisting");
        await Expect(calf.GetByTestId("timeline-point")).ToHaveCountAsync(4);
        await Expect(overview.Locator("path.bc-zone[data-mark='true']")).ToHaveCountAsync(2);
        await overview.ScrollIntoViewIfNeededAsync();
        await WebAppFixture.ScreenshotAsync(overview, "knot-timeline.png");

        // Today's follow-up starts from the tracked knots: gone from the hamstring, less tender in the calf.
        await NotePage.OpenAsync(page, visitId);
        var banner = page.GetByTestId("knot-flag-banner");
        await Expect(banner).ToContainTextAsync("2 flagged knots");
        await Expect(banner.GetByTestId("flagged-knot")).ToHaveCountAsync(2);
        await Expect(banner).ToContainTextAsync("Left biceps femoris");
        await Expect(banner).ToContainTextAsync("came back 21 days after resolving");
        await WebAppFixture.ScreenshotAsync(page, "visit-note-knot-flags.png");
        var tracked = page.GetByTestId("tracked-sites");
        var hamstringToday = tracked.Locator($"[data-testid='tracked-site']{Hamstring}");
        var calfToday = tracked.Locator($"[data-testid='tracked-site']{Calf}");
        await Expect(hamstringToday.GetByTestId("knot-state")).ToHaveTextAsync("Recurred");
        await Expect(hamstringToday).ToHaveAttributeAsync("data-answer", "NotAssessed");
        await hamstringToday.GetByRole(AriaRole.Button, new() { Name = "Absent" }).ClickAsync();
        await Expect(hamstringToday).ToHaveAttributeAsync("data-answer", "Absent");

        await calfToday.GetByRole(AriaRole.Button, new() { Name = "Present" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Tenderness (0–10)").FillAsync("2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save knot" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(calfToday).ToHaveAttributeAsync("data-answer", "Present");
        await WebAppFixture.ScreenshotAsync(tracked, "tracked-knots.png");

        await NotePage.FillAndSaveAsync(page.GetByLabel("Subjective"), "No hamstring pain on the 20 km run; calf easier with the stretches.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("signed-banner")).ToBeVisibleAsync();

        await Expect(hamstringToday.GetByTestId("knot-state")).ToHaveTextAsync("Resolved");
        await Expect(calfToday.GetByTestId("knot-state")).ToHaveTextAsync("Improving");
        await Expect(hamstringToday).ToContainTextAsync("This visit: absent");
        // Gone from the hamstring, easing in the calf: neither is flagged any more.
        await Expect(banner).ToHaveCountAsync(0);
    }
}
