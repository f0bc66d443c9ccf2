using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Dashboard;

/// <summary>
/// The outcomes dashboard on the demo clinic's six months: the manager's home page, filtered to one
/// therapist, drilled from "% reaching MCID" to the episodes and on to one, and the CSV that gives
/// the same figures; a therapist sees their own caseload and cannot open the clinic's. Reads only.
/// </summary>
public sealed partial class OutcomeDashboardFlowTests(WebAppFixture app)
{
    [Fact]
    public async Task The_manager_filters_by_therapist_drills_from_the_MCID_rate_to_an_episode_and_downloads_the_same_figures()
    {
        var page = await app.SignedInPageAsync(DemoClinic.Manager);
        var dashboard = page.GetByTestId("outcomes-dashboard");
        await Expect(dashboard.GetByRole(AriaRole.Heading, new() { Name = "Clinic outcomes" })).ToBeVisibleAsync();
        await Expect(dashboard.GetByTestId("therapist-row")).ToHaveCountAsync(3);
        await WebAppFixture.ScreenshotAsync(page, "outcomes-dashboard.png");

        await dashboard.GetByRole(AriaRole.Combobox, new() { Name = "Therapist" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Jonas Berg", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("therapist=[0-9a-f-]{36}"));
        await Expect(dashboard.GetByTestId("therapist-row")).ToHaveCountAsync(1);
        await Expect(dashboard.GetByTestId("therapist-row")).ToContainTextAsync("Jonas Berg");

        var nprs = dashboard.GetByTestId("kpi-mcid-nprs");
        var percent = (await nprs.GetByTestId("kpi-value").InnerTextAsync()).Trim();
        var basis = BasisOf().Match(await nprs.GetByTestId("kpi-basis").InnerTextAsync());
        basis.Success.ShouldBeTrue("the card says how many reached the MCID of how many scored");
        var (reached, scored) = (int.Parse(basis.Groups["reached"].Value, CultureInfo.InvariantCulture), int.Parse(basis.Groups["scored"].Value, CultureInfo.InvariantCulture));
        scored.ShouldBeGreaterThan(0);
        percent.ShouldBe($"{Math.Round(100.0 * reached / scored, MidpointRounding.AwayFromZero):0} %");

        // The CSV of the figures: the same rate, on the same number of episodes.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            dashboard.GetByRole(AriaRole.Link, new() { Name = "Download the figures (CSV)" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        csv[0].ShouldBe("Group,Figure,Value,BasedOn,Unit,Low95,High95");
        var row = csv.Single(l => l.Contains("NPRS reaching the MCID of 2", StringComparison.Ordinal)).Split(',');
        row[3].ShouldBe(scored.ToString(CultureInfo.InvariantCulture));
        Math.Round(double.Parse(row[2], CultureInfo.InvariantCulture) * 100, MidpointRounding.AwayFromZero).ShouldBe(Math.Round(100.0 * reached / scored, MidpointRounding.AwayFromZero));

        await nprs.GetByRole(AriaRole.Link, new() { Name = "Episodes behind: % reaching MCID (NPRS)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Episodes reaching the NPRS MCID", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("drill-down-basis")).ToContainTextAsync(reached == 1 ? "1 episode" : $"{reached} episodes");
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(Math.Min(reached, 50));
        await Expect(rows.First).ToContainTextAsync("Jonas Berg");
        await WebAppFixture.ScreenshotAsync(page, "outcomes-drill-down.png");

        var episodes = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var listed = await File.ReadAllLinesAsync((await episodes.PathAsync())!, TestContext.Current.CancellationToken);
        listed[0].ShouldBe("Patient,Mrn,Therapist,Region,Status,Opened,Discharged,DischargeReason,VisitsAttended,Measure,Baseline,Final");
        (listed.Length - 1).ShouldBe(reached);

        var patient = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/patients/[0-9a-f-]{36}#episode-[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(patient);
        var anchor = new Uri(page.Url).Fragment.TrimStart('#');
        await Expect(page.Locator($"#{anchor}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_therapist_sees_their_own_outcomes_and_cannot_open_the_clinics()
    {
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);

        await page.GotoAsync("/outcomes");
        await WebAppFixture.WaitForInteractiveAsync(page);
        var dashboard = page.GetByTestId("outcomes-dashboard");
        await Expect(dashboard.GetByRole(AriaRole.Heading, new() { Name = "Your outcomes" })).ToBeVisibleAsync();
        await Expect(dashboard.GetByRole(AriaRole.Combobox, new() { Name = "Therapist" })).ToHaveCountAsync(0);
        await Expect(dashboard.GetByTestId("therapist-row")).ToHaveCountAsync(1);
        await Expect(dashboard.GetByTestId("therapist-row")).ToContainTextAsync("Maya Lindqvist");

        // Naming a colleague in the address still shows her own caseload.
        var jonas = await app.StaffIdAsync(DemoClinic.SecondTherapist);
        await page.GotoAsync($"/outcomes?therapist={jonas}");
        await Expect(dashboard.GetByTestId("therapist-row")).ToContainTextAsync("Maya Lindqvist");

        // The clinic's figures as CSV are refused her.
        var clinicWide = await page.APIRequest.GetAsync("/outcomes/summary.csv", new() { MaxRedirects = 0 });
        clinicWide.Status.ShouldBeOneOf(302, 403);
        (await clinicWide.TextAsync()).ShouldNotContain("NPRS reaching");
        var own = await page.APIRequest.GetAsync($"/outcomes/summary.csv?therapist={await app.StaffIdAsync(DemoClinic.Therapist)}");
        own.Status.ShouldBe(200);
    }

    [Fact]
    public async Task The_front_desk_has_no_outcomes_page()
    {
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);

        await page.GotoAsync("/outcomes");

        await Expect(page).ToHaveURLAsync(new Regex("access-denied"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Outcomes" })).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"^(?<reached>\d+) of (?<scored>\d+) episodes? scored")]
    private static partial Regex BasisOf();
}
