using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Episodes;

/// <summary>
/// The episode's outcome measures on the patient chart: the latest signed score is the latest, and
/// today's unsigned note shows its score beside it, marked as a draft.
/// </summary>
public sealed class EpisodeProgressTests(WebAppFixture app)
{
    [Fact]
    public async Task The_episode_shows_the_latest_signed_score_as_latest_and_a_drafts_score_marked_as_draft()
    {
        var today = await app.CheckedInVisitAsync("Signe", $"Aalto{Guid.NewGuid().ToString("N")[..6]}");
        var episodeId = (await app.SendAsAsync(DemoClinic.Therapist, new GetVisitNoteQuery(today))).Value.EpisodeId;
        var therapistId = await app.StaffIdAsync(DemoClinic.Therapist);
        var now = DateTimeOffset.UtcNow;
        foreach (var (daysAgo, painNow) in new[] { (14, 7), (7, 4) })
        {
            var visit = (await app.SendAsAsync(DemoClinic.FrontDesk, new ScheduleVisitCommand(episodeId, therapistId, now.AddDays(-daysAgo), 45, VisitType.FollowUp))).Value;
            (await app.SendAsAsync(DemoClinic.FrontDesk, new CheckInVisitCommand(visit))).Error.ShouldBeNull();
            await ChartPainAsync(visit, painNow);
            var note = (await app.SendAsAsync(DemoClinic.Therapist, new SaveNoteDraftCommand(visit, null, "Hamstring reviewed", null, null, null))).Value;
            (await app.SendAsAsync(DemoClinic.Therapist, new SignVisitNoteCommand(visit, note.Version))).Error.ShouldBeNull();
        }

        var charted = await ChartPainAsync(today, 1);
        // LEFS first asked today: nothing signed to compare it with yet.
        (await app.SendAsAsync(DemoClinic.Therapist, new RecordOutcomeCommand(
            today, charted, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(3, 20)], []))).Error.ShouldBeNull();

        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/patients/{await app.PatientOfVisitAsync(today)}");
        await WebAppFixture.WaitForInteractiveAsync(page);

        var progress = page.GetByTestId("episode-progress");
        var nprs = progress.Locator("[data-testid='measure-progress'][data-measure='Nprs']");
        await Expect(nprs.GetByTestId("baseline")).ToHaveTextAsync(new Regex(@"^\s*7\s*\("));
        await Expect(nprs.GetByTestId("latest")).ToHaveTextAsync(new Regex(@"^\s*4\s*\("));
        await Expect(nprs.GetByTestId("change")).ToHaveTextAsync("-3");
        await Expect(nprs).ToContainTextAsync("reached (2)");
        var draft = nprs.GetByTestId("draft-score");
        await Expect(draft).ToHaveTextAsync(new Regex(@"^\s*1\s*\("));
        await Expect(draft).ToContainTextAsync("draft, not yet signed");
        var lefs = progress.Locator("[data-testid='measure-progress'][data-measure='Lefs']");
        await Expect(lefs.GetByTestId("no-signed-score")).ToHaveTextAsync("no signed score yet");
        await Expect(lefs.GetByTestId("latest")).ToHaveCountAsync(0);
        await Expect(lefs.GetByTestId("draft-score")).ToHaveTextAsync(new Regex(@"^\s*60\s*\("));
        await Expect(progress).ToContainTextAsync("Signed visits only; a draft's score counts once its note is signed.");
        await WebAppFixture.ScreenshotAsync(progress, "episode-progress.png");
    }

    [Fact]
    public async Task The_demo_patients_episode_counts_her_two_signed_visits_and_shows_todays_note_apart()
    {
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await page.GotoAsync($"/patients/{await app.PatientOfVisitAsync(await app.DemoVisitTodayAsync("P000101"))}");
        await WebAppFixture.WaitForInteractiveAsync(page);

        // Her signed visits never change; what today's draft holds is another test's to edit.
        var episode = page.GetByTestId("episode").Filter(new() { Has = page.GetByTestId("episode-progress") });
        var nprs = episode.Locator("[data-testid='measure-progress'][data-measure='Nprs']");
        await Expect(nprs.GetByTestId("baseline")).ToHaveTextAsync(new Regex(@"^\s*6\s*\("));
        await Expect(nprs.GetByTestId("latest")).ToHaveTextAsync(new Regex(@"^\s*4\s*\("));
        await Expect(nprs.GetByTestId("draft-score")).ToContainTextAsync("draft, not yet signed");
        await WebAppFixture.ScreenshotAsync(episode, "episode-outcomes.png");
    }

    /// <summary>Charts the pain now (the visit's NPRS); the assessment's new version.</summary>
    private async Task<uint> ChartPainAsync(Guid visitId, int painNow) =>
        (await app.SendAsAsync(DemoClinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { PainNow = painNow }))).Value.Version;
}
