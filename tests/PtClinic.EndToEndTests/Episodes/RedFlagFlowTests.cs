using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Episodes;

/// <summary>A red flag stays open on the episode until a therapist closes it, and then stays as history.</summary>
public sealed class RedFlagFlowTests(WebAppFixture app)
{
    [Fact]
    public async Task A_therapist_closes_the_open_red_flag_on_the_episode_as_referred()
    {
        var greta = await app.DemoPatientAsync("P000103");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/patients/{greta}");
        await WebAppFixture.WaitForInteractiveAsync(page);

        var episode = page.GetByTestId("episode").Filter(new() { HasText = "Low back and left buttock pain" });
        var open = episode.GetByTestId("open-red-flag");
        await Expect(open).ToHaveCountAsync(1);
        await Expect(open).ToContainTextAsync("Night pain");
        await Expect(open).ToContainTextAsync("referral noted at a visit: GP, letter sent the same day");
        await WebAppFixture.ScreenshotAsync(episode, "episode-open-red-flag.png");

        // The signed note it came from shows it in its banner, as every later note would.
        await episode.GetByRole(AriaRole.Link, new() { Name = "Read note" }).ClickAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("safety-banner").GetByTestId("red-flags")).ToHaveTextAsync("Night pain");
        await page.GoBackAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);

        await episode.GetByRole(AriaRole.Button, new() { Name = "Close red flag: Night pain" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        // The referral recorded at the visit is offered: the therapist adds what came of it.
        await Expect(dialog.GetByLabel("Referred to")).ToHaveValueAsync("GP, letter sent the same day: night pain, bloods and review");
        await dialog.GetByLabel("Note (optional)").FillAsync("GP reviewed: bloods normal, pain mechanical; cleared for treatment.");
        await WebAppFixture.ScreenshotAsync(dialog, "close-red-flag-dialog.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close red flag" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(open).ToHaveCountAsync(0);
        var closed = episode.GetByTestId("closed-red-flag");
        await Expect(closed).ToHaveCountAsync(1);
        await Expect(closed).ToContainTextAsync("Night pain");
        await Expect(closed).ToContainTextAsync("Referred to GP, letter sent the same day: night pain, bloods and review on");
        await Expect(closed).ToContainTextAsync("Maya Lindqvist");
        await WebAppFixture.ScreenshotAsync(episode, "episode-closed-red-flag.png");
    }
}
