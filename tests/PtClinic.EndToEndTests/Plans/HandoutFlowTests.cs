using System.Diagnostics;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using PtClinic.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Plans;

/// <summary>
/// Ellen's home program handouts on her plan page: the two versions she was given, the one she
/// holds downloaded and read as a patient would, a large-print version issued, and the download
/// address closed to anyone not signed in and to ids that are not the clinic's. Issues a handout on
/// the demo clinic's data, so it runs alone.
/// </summary>
[Collection(typeof(AppAloneCollection))]
public sealed class HandoutFlowTests(WebAppFixture app)
{
    [Fact]
    public async Task The_therapist_downloads_the_handout_Ellen_holds_and_issues_her_a_large_print_one()
    {
        var episode = await app.DemoEpisodeAsync("P000101");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);

        await page.GotoAsync($"/episodes/{episode}/plan");
        await WebAppFixture.WaitForInteractiveAsync(page);
        var handouts = page.GetByTestId("plan-handouts");
        // The demo gives her versions 1 and 2; another browser test (the day's print run) may have
        // issued her a later one already, so which she holds is not assumed.
        await Expect(handouts.GetByTestId("handout-held")).ToContainTextAsync("The patient holds version");
        await Expect(handouts.GetByTestId("handout-version-1")).ToContainTextAsync("Version 1");
        var held = handouts.GetByTestId("handout-version-2");
        await Expect(held).ToContainTextAsync("Version 2");

        var download = await page.RunAndWaitForDownloadAsync(() => held.GetByTestId("handout-download").ClickAsync());
        download.SuggestedFilename.ShouldBe("home-program-ellen-marsh-v2.pdf");
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        var text = Poppler.Text(pdf);
        text.ShouldContain("Ellen Marsh");
        text.ShouldContain("Glute bridge");
        text.ShouldContain("3 sets of 12, once a day, 5 days a week");
        text.ShouldContain("10 minutes on, 15 minutes off");
        text.ShouldContain("Pain no more than 2 out of 10 after 30 min sitting");
        text.ShouldContain($"Page 1 of {Poppler.Pages(pdf)}");
        await RenderPagesAsync(pdf, "handout-ellen");

        await handouts.GetByLabel("Large print (14 pt)").CheckAsync();
        await handouts.GetByTestId("issue-handout").ClickAsync();
        await Expect(handouts.GetByTestId("handout-held")).ToContainTextAsync("large print");
        var large = handouts.Locator("[data-testid^='handout-version-']").First;
        await Expect(large).ToContainTextAsync("Large print");
        await Expect(large).ToContainTextAsync("Patient holds this");
        var largeNumber = (await large.GetAttributeAsync("data-testid"))!["handout-version-".Length..];
        await Expect(handouts.Locator("[data-testid^='handout-version-']").Filter(new() { HasText = "Patient holds this" })).ToHaveCountAsync(1);
        // Holding this plan's large-print handout, she is given that one again, not a new version.
        await Expect(handouts.GetByTestId("issue-handout")).ToHaveCountAsync(0);
        await Expect(handouts.GetByTestId("download-held")).ToBeVisibleAsync();
        await WebAppFixture.ScreenshotAsync(handouts, "plan-handouts.png");

        var href = await held.GetByTestId("handout-download").GetAttributeAsync("href");

        // The patient chart's episode says which version she holds.
        await page.GotoAsync($"/patients/{await app.DemoPatientAsync("P000101")}");
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("episode-handout")).ToContainTextAsync($"patient holds handout version {largeNumber}");

        // Not the clinic's: a 404, as for any id it does not have.
        var unknown = await page.APIRequest.GetAsync($"/episodes/{episode}/handouts/{Guid.CreateVersion7()}.pdf");
        unknown.Status.ShouldBe(404);
        var otherEpisode = await page.APIRequest.GetAsync($"/episodes/{Guid.CreateVersion7()}/handouts/{Guid.CreateVersion7()}.pdf");
        otherEpisode.Status.ShouldBe(404);

        // Not signed in: the download address sends the browser to sign in.
        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/" + href);
        await Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sign-in"));
    }

    /// <summary>The handout's pages as a patient sees them, for docs/screenshots.</summary>
    private static async Task RenderPagesAsync(byte[] pdf, string name)
    {
        var file = Path.Combine(WebAppFixture.ScreenshotDirectory, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", $"-png -r 80 {file} {Path.Combine(WebAppFixture.ScreenshotDirectory, name)}")
        {
            RedirectStandardError = true,
        })!;
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, errors);
    }
}
