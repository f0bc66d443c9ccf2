using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Knots;

/// <summary>
/// Knot states follow the signed notes: each signature updates the sites it palpated, in its own
/// transaction; drafts count for nothing; and a rebuild from the notes alone gives the same.
/// </summary>
public sealed class KnotTrackingTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly KnotSiteKey BicepsFemoris = new("biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird);
    private static readonly KnotSiteKey Semitendinosus = new("semitendinosus", BodySide.Left, MuscleZone.DistalThird);

    [Fact]
    public async Task Signing_a_sequence_of_notes_moves_each_site_through_its_states()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var first = await clinic.OpenEpisodeAsync();

        await SignVisitAsync(clinic, first, daysAgo: 120, (BicepsFemoris, 7), (Semitendinosus, 5));
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.New, 0), (Semitendinosus, KnotState.New, 0)]);

        await SignVisitAsync(clinic, first, daysAgo: 113, (BicepsFemoris, 4), (Semitendinosus, null));
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.Improving, 0), (Semitendinosus, KnotState.Resolved, 0)]);

        // The semitendinosus is not palpated: it stays resolved, not "absent again" nor forgotten.
        await SignVisitAsync(clinic, first, daysAgo: 106, (BicepsFemoris, null));
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.Resolved, 0), (Semitendinosus, KnotState.Resolved, 0)]);
        await DischargeAsync(clinic, first);

        // A later episode: both come back, the biceps femoris 100 days after resolving.
        var second = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, second, daysAgo: 6, (BicepsFemoris, 6), (Semitendinosus, 5));
        var sites = await SitesAsync(clinic);
        sites.Select(s => (s.Site, s.State, s.RecurrenceCount)).ShouldBe([(BicepsFemoris, KnotState.Recurred, 1), (Semitendinosus, KnotState.Recurred, 1)]);
        sites[0].DaysToLastRecurrence.ShouldBe(100);
        sites[0].Flags.ShouldBe(KnotFlags.None);
        sites[0].FirstSeenOn.ShouldBe(DayOf(120));
    }

    [Fact]
    public async Task A_draft_counts_for_nothing_until_it_is_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episode = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, episode, daysAgo: 14, (BicepsFemoris, 6));

        var draft = await ChartAsync(clinic, episode, daysAgo: 7, (BicepsFemoris, null));
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.New, 0)]);
        var admin = await clinic.AddStaffAsync("Sam Okafor", Domain.Staff.StaffRoles.Admin);
        (await App.SendAsync(admin, new RebuildPatientKnotStatesCommand(clinic.PatientId))).Ok().Changed.ShouldBe(0);

        await SignAsync(clinic, draft);
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.Resolved, 0)]);
    }

    [Fact]
    public async Task A_rebuild_from_the_signed_notes_gives_exactly_what_the_signatures_stored()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var first = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, first, daysAgo: 90, (BicepsFemoris, 7), (Semitendinosus, 4));
        await SignVisitAsync(clinic, first, daysAgo: 83, (BicepsFemoris, null), (Semitendinosus, 4));
        await SignVisitAsync(clinic, first, daysAgo: 76, (BicepsFemoris, 6), (Semitendinosus, 5));
        await SignVisitAsync(clinic, first, daysAgo: 69, (BicepsFemoris, null), (Semitendinosus, 5));
        await DischargeAsync(clinic, first);
        var second = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, second, daysAgo: 50, (BicepsFemoris, 8));
        await SignVisitAsync(clinic, second, daysAgo: 43, (Semitendinosus, 5));
        var signed = await SitesAsync(clinic);
        signed.Single(s => s.Site == BicepsFemoris).Flags.ShouldBe(KnotFlags.RecurredRepeatedly | KnotFlags.RecurredSoon);
        signed.Single(s => s.Site == Semitendinosus).Flags.ShouldBe(KnotFlags.NotImproving);

        var admin = await clinic.AddStaffAsync("Sam Okafor", Domain.Staff.StaffRoles.Admin);
        var unchanged = (await App.SendAsync(admin, new RebuildPatientKnotStatesCommand(clinic.PatientId))).Ok();
        unchanged.ShouldBe(new KnotRebuild(1, 2, 0));

        // From nothing: the stored states gone, the rebuild reads them back from the notes.
        await App.ReadAsync(db => db.KnotSites.IgnoreQueryFilters().Where(s => s.PatientId == clinic.PatientId).ExecuteDeleteAsync());
        (await App.SendAsync(admin, new RebuildClinicKnotStatesCommand())).Ok().ShouldBe(new KnotRebuild(1, 2, 2));
        (await SitesAsync(clinic)).ShouldBe(signed);
    }

    [Fact]
    public async Task A_flagged_knot_feeds_the_plan_of_care_suggestions_with_dry_needling_as_the_safety_rules_allow()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var first = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, first, daysAgo: 40, (BicepsFemoris, 7));
        await SignVisitAsync(clinic, first, daysAgo: 33, (BicepsFemoris, null));
        await SignVisitAsync(clinic, first, daysAgo: 20, (BicepsFemoris, 6));
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.Recurred, 1)]);

        (await App.SendAsync(clinic.Therapist, new Application.Features.Plans.StartPlanOfCareCommand(first, DateOnly.FromDateTime(DateTime.UtcNow)))).Ok();
        var plan = (await App.SendAsync(clinic.Therapist, new Application.Features.Plans.GetPlanOfCareQuery(first))).Ok();

        var needling = plan.Suggestions.Single(s => s.InterventionCode == Domain.Treatment.InterventionCatalog.DryNeedling);
        needling.Answers.ShouldBe("flagged knot, biceps femoris long head, left, middle third — came back 13 days after resolving");
        // No dry-needling consent on file: offered, and blocked with the reason.
        needling.Blocked.ShouldBe("Dry needling is blocked: the patient has no active dry-needling consent.");
    }

    [Fact]
    public async Task Only_a_site_found_at_a_signed_visit_can_be_recorded_absent()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episode = await clinic.OpenEpisodeAsync();
        var visitId = await clinic.ScheduleVisitAsync(episode, DateTimeOffset.UtcNow.AddMinutes(-5));
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();

        var refused = await App.SendAsync(clinic.Therapist, new RecordKnotSiteAbsentCommand(visitId, null, BicepsFemoris.MuscleCode, BicepsFemoris.Side, BicepsFemoris.Zone));

        refused.Failed(Application.Common.Results.ErrorKind.Rule).Message.ShouldBe(
            "Only a knot found at an earlier signed visit can be recorded as absent; no knot was found at this site before.");
        (await App.ReadAsync(db => db.KnotAbsences.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_site_found_and_then_recorded_absent_at_the_same_visit_is_refused_with_a_reason()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episode = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, episode, daysAgo: 7, (BicepsFemoris, 6));
        var (visitId, version) = await ChartAsync(clinic, episode, daysAgo: 0, (BicepsFemoris, 5));

        var refused = await App.SendAsync(clinic.Therapist, new RecordKnotSiteAbsentCommand(visitId, version, BicepsFemoris.MuscleCode, BicepsFemoris.Side, BicepsFemoris.Zone));

        refused.Failed(Application.Common.Results.ErrorKind.Rule).Message.ShouldBe(
            "A knot is charted at this site today; remove it first to record the site as absent.");
    }

    [Fact]
    public async Task An_absence_taken_back_leaves_the_site_not_assessed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episode = await clinic.OpenEpisodeAsync();
        await SignVisitAsync(clinic, episode, daysAgo: 7, (BicepsFemoris, 6));
        var (visitId, version) = await ChartAsync(clinic, episode, daysAgo: 0, (BicepsFemoris, null));

        var cleared = (await App.SendAsync(clinic.Therapist, new ClearKnotSiteAbsentCommand(visitId, version, BicepsFemoris.MuscleCode, BicepsFemoris.Side, BicepsFemoris.Zone))).Ok();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Hamstring not palpated today", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, saved.Version))).Ok();

        cleared.Version.ShouldNotBe(version!.Value);
        (await StatesAsync(clinic)).ShouldBe([(BicepsFemoris, KnotState.New, 0)]);
    }

    private static DateOnly DayOf(int daysAgo) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-daysAgo));

    /// <summary>
    /// An earlier day's visit at noon UTC, the same date on the clinic's London calendar whatever the
    /// time the test runs (now minus whole days is tomorrow in London late in a summer evening, and
    /// a day count across the clocks going back came out one short); today's five minutes ago.
    /// </summary>
    private static DateTimeOffset StartsAt(int daysAgo) => daysAgo == 0
        ? DateTimeOffset.UtcNow.AddMinutes(-5)
        : new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-daysAgo).AddHours(12), TimeSpan.Zero);

    private async Task<List<(KnotSiteKey Site, KnotState State, int Recurrences)>> StatesAsync(TestClinic clinic) =>
        [.. (await SitesAsync(clinic)).Select(s => (s.Site, s.State, s.RecurrenceCount))];

    /// <summary>The stored tracks, ordered by muscle so the two test sites come biceps femoris first.</summary>
    private async Task<List<KnotTrack>> SitesAsync(TestClinic clinic) =>
        [.. (await App.ReadAsync(db => db.KnotSites.IgnoreQueryFilters().Where(s => s.PatientId == clinic.PatientId).ToListAsync()))
            .OrderBy(s => s.MuscleCode).Select(s => s.Track)];

    /// <summary>Charts a visit of the episode: a tenderness is the knot found, null the site palpated and absent.</summary>
    private async Task<(Guid VisitId, uint? Version)> ChartAsync(TestClinic clinic, Guid episodeId, int daysAgo, params (KnotSiteKey Site, int? Tenderness)[] sites)
    {
        var visitId = await clinic.ScheduleVisitAsync(episodeId, StartsAt(daysAgo));
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        uint? version = null;
        foreach (var (site, tenderness) in sites)
        {
            version = tenderness is { } rating
                ? (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
                    visitId, version, site.MuscleCode, site.Side, site.Zone, new KnotInput(rating, null, 10, IsActive: true, LocalTwitchResponse: false, [])))).Ok().Saved.Version
                : (await App.SendAsync(clinic.Therapist, new RecordKnotSiteAbsentCommand(visitId, version, site.MuscleCode, site.Side, site.Zone))).Ok().Version;
        }

        return (visitId, version);
    }

    private async Task SignAsync(TestClinic clinic, (Guid VisitId, uint? Version) charted)
    {
        var saved = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(charted.VisitId, null, "Palpated the hamstrings", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(charted.VisitId, saved.Version))).Ok();
    }

    private async Task SignVisitAsync(TestClinic clinic, Guid episodeId, int daysAgo, params (KnotSiteKey Site, int? Tenderness)[] sites) =>
        await SignAsync(clinic, await ChartAsync(clinic, episodeId, daysAgo, sites));

    private async Task DischargeAsync(TestClinic clinic, Guid episodeId)
    {
        var episode = await clinic.EpisodeAsync(episodeId);
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, episode.Version, DischargeReason.GoalsMet, null))).Ok();
    }
}
