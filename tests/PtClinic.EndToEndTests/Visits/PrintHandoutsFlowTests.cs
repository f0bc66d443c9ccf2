using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using PtClinic.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>
/// The demo therapist prints today's handouts from the day's list: a background job issues each
/// one while the page shows the progress, then the combined PDF downloads. Runs a job server in
/// the app and issues the demo patients' handouts, so it runs alone.
/// </summary>
[Collection(typeof(AppAloneCollection))]
public sealed class PrintHandoutsFlowTests(WebAppFixture app)
{
    [Fact]
    public async Task The_therapist_prints_todays_handouts_watches_the_progress_and_downloads_them_in_one_pdf()
    {
        using var jobs = app.StartJobServer();
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync("/today");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Print today's handouts" }).ClickAsync();

        var progress = page.GetByTestId("print-progress");
        await Expect(progress).ToHaveTextAsync(new Regex(@"^(\d+) of \1 handouts?$"), new() { Timeout = 60_000 });
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download the combined PDF" });
        await Expect(download).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Today's handouts")).ToContainTextAsync("Ellen Marsh");
        await WebAppFixture.ScreenshotAsync(page, "today-print-handouts.png");

        var saved = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        saved.SuggestedFilename.ShouldStartWith("handouts-");
        var pdf = await File.ReadAllBytesAsync((await saved.PathAsync())!, TestContext.Current.CancellationToken);
        Poppler.Text(pdf).ShouldContain("Ellen Marsh");
        var printed = int.Parse(Regex.Match((await progress.TextContentAsync())!, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Regex.Count(Poppler.Text(pdf), @"Page 1 of \d+").ShouldBe(printed);
    }
}
