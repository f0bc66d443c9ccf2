using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Outcomes;

namespace PtClinic.IntegrationTests.Features.Episodes;

/// <summary>
/// The episode's outcome measures count signed visits only, as the knot states do: a draft's score
/// shows apart, as a draft, and is never the latest nor part of the change.
/// </summary>
public sealed class EpisodeProgressTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_change_runs_from_the_signed_baseline_to_the_latest_signed_score_and_a_drafts_score_shows_apart()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var now = DateTimeOffset.UtcNow;
        var (episodeId, baselineVisit) = await clinic.CheckedInVisitAsync(startsAt: now.AddDays(-14));
        var followUp = await CheckedInAsync(clinic, episodeId, now.AddDays(-7));
        var today = await CheckedInAsync(clinic, episodeId, now.AddMinutes(-10));
        await ChartAsync(clinic, baselineVisit, painNow: 7, lefsItem: 2); // LEFS 40
        await SignAsync(clinic, baselineVisit);
        await ChartAsync(clinic, followUp, painNow: 6, lefsItem: 2.5m); // LEFS 50
        await SignAsync(clinic, followUp);
        await ChartAsync(clinic, today, painNow: 2, lefsItem: 3.5m); // LEFS 70, still a draft

        var progress = (await App.SendAsync(clinic.Therapist, new GetEpisodeProgressQuery(episodeId))).Ok();

        var nprs = progress.Measures.Single(m => m.Measure == OutcomeMeasure.Nprs);
        var signedNprs = nprs.Signed.ShouldNotBeNull();
        (signedNprs.Baseline, signedNprs.Latest, signedNprs.Change, signedNprs.IsImprovement, signedNprs.ReachesMcid, signedNprs.Scores)
            .ShouldBe((7m, 6m, -1m, true, false, 2)); // the draft's 2/10 would have reached the MCID
        nprs.Drafts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.VisitId.ShouldBe(today),
            d => d.Score.ShouldBe(2m));
        var lefs = progress.Measures.Single(m => m.Measure == OutcomeMeasure.Lefs);
        var signedLefs = lefs.Signed.ShouldNotBeNull();
        (signedLefs.Baseline, signedLefs.Latest, signedLefs.Change, signedLefs.ReachesMcid, signedLefs.Scores).ShouldBe((40m, 50m, 10m, true, 2));
        signedLefs.LatestAt.ShouldBe(now.AddDays(-7), TimeSpan.FromMilliseconds(1));
        lefs.Drafts.Select(d => d.Score).ShouldBe([70m]);

        // The draft's own page compares its score with the signed baseline.
        var atToday = (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(today))).Ok();
        atToday.Outcomes.Single(o => o.Measure == OutcomeMeasure.Lefs).SinceBaseline!.ShouldSatisfyAllConditions(
            c => c.Baseline.ShouldBe(40m),
            c => c.Change.ShouldBe(30m));

        // Signed, the draft's score becomes the latest.
        await SignAsync(clinic, today);
        var signed = (await App.SendAsync(clinic.Therapist, new GetEpisodeProgressQuery(episodeId))).Ok();
        signed.Measures.Select(m => (m.Measure, m.Signed!.Latest, m.Signed.Scores, m.Drafts.Count)).ShouldBe(
            [(OutcomeMeasure.Nprs, 2m, 3, 0), (OutcomeMeasure.Lefs, 70m, 3, 0)]);
    }

    [Fact]
    public async Task A_measure_scored_only_at_drafts_shows_only_its_draft_value_and_an_unsigned_earlier_visit_is_no_baseline()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var now = DateTimeOffset.UtcNow;
        var (episodeId, leftUnsigned) = await clinic.CheckedInVisitAsync(startsAt: now.AddDays(-7));
        var signedVisit = await CheckedInAsync(clinic, episodeId, now.AddMinutes(-10));
        await ChartAsync(clinic, leftUnsigned, painNow: 8, lefsItem: 1.5m); // LEFS 30
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(signedVisit, null, FindingsInput.Empty with { PainNow = 6 }))).Ok();
        await SignAsync(clinic, signedVisit);

        var progress = (await App.SendAsync(clinic.Manager, new GetEpisodeProgressQuery(episodeId))).Ok();

        var nprs = progress.Measures.Single(m => m.Measure == OutcomeMeasure.Nprs);
        (nprs.Signed!.Baseline, nprs.Signed.Latest, nprs.Signed.Scores).ShouldBe((6m, 6m, 1));
        nprs.Drafts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.VisitId.ShouldBe(leftUnsigned),
            d => d.Score.ShouldBe(8m));
        var lefs = progress.Measures.Single(m => m.Measure == OutcomeMeasure.Lefs);
        lefs.Signed.ShouldBeNull();
        lefs.Drafts.ShouldHaveSingleItem().Score.ShouldBe(30m);
        (lefs.Abbreviation, lefs.Mcid).ShouldBe(("LEFS", 9m));

        // Neither visit's page has a baseline to compare with: the signed one is the baseline, the
        // draft comes before it.
        (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(signedVisit))).Ok().Outcomes.ShouldAllBe(o => o.SinceBaseline == null);
        (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(leftUnsigned))).Ok().Outcomes.ShouldAllBe(o => o.SinceBaseline == null);
    }

    [Fact]
    public async Task Another_clinic_cannot_read_an_episodes_progress()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var other = await TestClinic.CreateAsync(App, "Riverside Physio");
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
        await ChartAsync(clinic, visitId, painNow: 5, lefsItem: 2);
        await SignAsync(clinic, visitId);

        var refused = await App.SendAsync(other.Therapist, new GetEpisodeProgressQuery(episodeId));

        refused.Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Therapist, new GetEpisodeProgressQuery(episodeId))).Ok().Measures.Count.ShouldBe(2);
    }

    private async Task<Guid> CheckedInAsync(TestClinic clinic, Guid episodeId, DateTimeOffset startsAt)
    {
        var visitId = await clinic.ScheduleVisitAsync(episodeId, startsAt);
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        return visitId;
    }

    /// <summary>NPRS from the pain now, and a LEFS whose 20 items are <paramref name="lefsItem"/> on average (half-points alternate).</summary>
    private async Task ChartAsync(TestClinic clinic, Guid visitId, int painNow, decimal lefsItem)
    {
        var saved = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { PainNow = painNow }))).Ok();
        var (low, high) = ((int)Math.Floor(lefsItem), (int)Math.Ceiling(lefsItem));
        (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, saved.Version, OutcomeMeasure.Lefs, [.. Enumerable.Range(0, 20).Select(i => (int?)(i % 2 == 0 ? low : high))], []))).Ok();
    }

    private async Task SignAsync(TestClinic clinic, Guid visitId)
    {
        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the left knee", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version))).Ok();
    }
}
