using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.OutcomeSnapshot;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Features.Treatment;
using PtClinic.IntegrationTests.Security;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.IntegrationTests.Features.OutcomeSnapshot;

/// <summary>
/// The outcome row of an episode charted through the real use cases, at fixed instants (the clinic
/// is in London: GMT until 29 March 2026, BST after; notes are signed at the real now, which the
/// database insists on), checked column by column against values worked out by hand.
/// </summary>
public sealed class EpisodeOutcomeTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly KnotInput Knot = new(6, null, 10, IsActive: true, LocalTwitchResponse: false, []);
    private static readonly int[] Lefs40 = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    private static readonly int[] Lefs60 = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_episode_charted_through_the_use_cases_has_every_column_as_worked_out_by_hand()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AdminAsync();
        await using var chart = new Chart(App, clinic);

        // Opened 2 March (GMT), onset 1 February: 29 days, 4 whole weeks; Ellen (14 March 1988) is 37.
        var episodeId = (await chart.At(At(3, 2, 9)).SendAsync(clinic.Desk, new OpenEpisodeCommand(
            clinic.PatientId, "Knot in the left hamstring", BodyRegion.PosteriorThigh, BodySide.Left, new DateOnly(2026, 2, 1), "GP",
            TestClinic.IdOf(clinic.Therapist)))).Ok();
        (await chart.At(At(3, 2, 9)).SendAsync(clinic.Therapist, new RecordConsentCommand(
            clinic.PatientId, ConsentKind.DryNeedling, new DateOnly(2026, 3, 2), true, true, "Risks explained"))).Ok();
        (await chart.At(At(3, 2, 9)).SendAsync(admin, new AddStaffCredentialCommand(
            TestClinic.IdOf(clinic.Therapist), CredentialKind.DryNeedlingCertification, "AACP", "DN-1", new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1)))).Ok();

        // 1. Initial evaluation: knots A and B, NPRS 7, LEFS 40, PSFS 4, ODI 40; two causes confirmed,
        // glute bridge, dry needling of A with bruising and soreness.
        var v1 = await chart.VisitAsync(episodeId, At(3, 2, 10), VisitType.InitialEvaluation);
        var a = (await chart.Charting(v1).SendAsync(clinic.Therapist, new AddKnotFindingCommand(v1, null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, Knot))).Ok();
        var b = (await chart.Charting(v1).SendAsync(clinic.Therapist, new AddKnotFindingCommand(v1, a.Saved.Version, "biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird, Knot))).Ok();
        var version = b.Saved.Version;
        version = await chart.ScoreAsync(v1, version, OutcomeMeasure.Nprs, [7]);
        version = await chart.ScoreAsync(v1, version, OutcomeMeasure.Lefs, Lefs40);
        version = await chart.ScoreAsync(v1, version, OutcomeMeasure.Psfs, [3, 5, 4], ["Run 5 km", "Sit through a film", "Climb stairs"]);
        await chart.ScoreAsync(v1, version, OutcomeMeasure.Odi, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
        (await chart.Charting(v1).SendAsync(clinic.Therapist, new DecideRootCauseCommand(v1, RootCause.Weakness, HypothesisVerdict.Confirmed, "Weak on testing"))).Ok();
        (await chart.Charting(v1).SendAsync(clinic.Therapist, new DecideRootCauseCommand(v1, RootCause.MuscleGuarding, HypothesisVerdict.Confirmed, "Guarding on palpation"))).Ok();
        (await chart.Charting(v1).SendAsync(clinic.Therapist, new DecideRootCauseCommand(v1, RootCause.PoorPosture, HypothesisVerdict.Rejected, "Posture is fine"))).Ok();
        (await chart.Charting(v1).SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(v1, InterventionCatalog.GluteBridge, 15, null, null))).Ok();
        (await chart.Charting(v1).SendAsync(clinic.Therapist, new RecordDryNeedlingCommand(
            v1, [new NeedledKnot(a.KnotId, LocalTwitchResponse: true)], 1, 0.25m, 40, "LOT-1", DryNeedlingTechnique.Pistoning, null,
            [new AdverseEventInput(AdverseEventKind.Bruising, AdverseEventSeverity.Minor, null, null),
             new AdverseEventInput(AdverseEventKind.PostNeedlingSoreness, AdverseEventSeverity.Minor, null, null)], null))).Ok();
        await chart.SignAsync(v1);

        // The plan, certified 2 March (signed now, as the database insists): re-certification due 90 days later, 31 May.
        var started = (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(episodeId, new DateOnly(2026, 3, 2)))).Ok();
        var saved = (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(
            episodeId, started.PlanId, started.Version, ScenarioClinic.ReadyPlan with { StartsOn = new DateOnly(2026, 3, 2) }))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, started.PlanId, saved.Version, new DateOnly(2026, 3, 2), null))).Ok();

        // 2. Both knots absent on 16 March: resolved. Weakness rejected after all; NPRS 5; cold therapy.
        var v2 = await chart.VisitAsync(episodeId, At(3, 16, 10), VisitType.FollowUp);
        var absent = (await chart.Charting(v2).SendAsync(clinic.Therapist, new RecordKnotSiteAbsentCommand(v2, null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird))).Ok();
        absent = (await chart.Charting(v2).SendAsync(clinic.Therapist, new RecordKnotSiteAbsentCommand(v2, absent.Version, "biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird))).Ok();
        await chart.ScoreAsync(v2, absent.Version, OutcomeMeasure.Nprs, [5]);
        (await chart.Charting(v2).SendAsync(clinic.Therapist, new DecideRootCauseCommand(v2, RootCause.Weakness, HypothesisVerdict.Rejected, "Strength is normal now"))).Ok();
        (await chart.Charting(v2).SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(v2, InterventionCatalog.ColdTherapy, 10, null, null))).Ok();
        await chart.SignAsync(v2);

        // 3. A is back on 13 April, 28 days after it resolved: it recurred.
        var v3 = await chart.VisitAsync(episodeId, At(4, 13, 9), VisitType.FollowUp);
        (await chart.Charting(v3).SendAsync(clinic.Therapist, new AddKnotFindingCommand(v3, null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, Knot))).Ok();
        (await chart.Charting(v3).SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(v3, InterventionCatalog.GluteBridge, 15, null, null))).Ok();
        await chart.SignAsync(v3);

        // A visit cancelled, one missed, one that started and was never written up.
        var cancelled = await chart.BookAsync(episodeId, At(4, 20, 9), VisitType.FollowUp);
        (await chart.At(At(4, 19, 9)).SendAsync(clinic.Desk, new CancelVisitCommand(cancelled, "Patient unwell"))).Ok();
        var missed = await chart.BookAsync(episodeId, At(4, 27, 9), VisitType.FollowUp);
        (await chart.At(At(4, 27, 11)).SendAsync(clinic.Desk, new MarkVisitNoShowCommand(missed))).Ok();

        // 4. Progress note at 23:30 UTC on 20 July, 00:30 on 21 July in London: B back 127 days
        // after it resolved (not a recurrence), NPRS 3, LEFS 60, ODI 20.
        var v4 = await chart.VisitAsync(episodeId, At(7, 20, 23, 30), VisitType.ProgressNote);
        var found = (await chart.Charting(v4).SendAsync(clinic.Therapist, new AddKnotFindingCommand(v4, null, "biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird, Knot))).Ok();
        version = await chart.ScoreAsync(v4, found.Saved.Version, OutcomeMeasure.Nprs, [3]);
        version = await chart.ScoreAsync(v4, version, OutcomeMeasure.Lefs, Lefs60);
        await chart.ScoreAsync(v4, version, OutcomeMeasure.Odi, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        await chart.SignAsync(v4);

        // 5. Last visit, the next morning: NPRS 1, and the patient is discharged at noon.
        var v5 = await chart.VisitAsync(episodeId, At(7, 21, 9), VisitType.FollowUp);
        await chart.ScoreAsync(v5, null, OutcomeMeasure.Nprs, [1]);
        var beforeLastSignature = await OutcomeAsync(episodeId);
        await chart.SignAsync(v5);
        (await OutcomeAsync(episodeId))!.NprsFinal.ShouldBe(1m, "signing refreshes the row in the signature's save");
        beforeLastSignature!.NprsFinal.ShouldBe(3m);
        var episode = (await chart.At(At(7, 21, 12)).SendAsync(clinic.Desk, new GetEpisodeQuery(episodeId))).Ok();
        (await chart.At(At(7, 21, 12)).SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, episode.Version, DischargeReason.GoalsMet, null))).Ok();

        var row = (await OutcomeAsync(episodeId))!;
        row.ClinicId.ShouldBe(clinic.Id);
        row.PatientId.ShouldBe(clinic.PatientId);
        row.TherapistId.ShouldBe(TestClinic.IdOf(clinic.Therapist));
        row.Region.ShouldBe(BodyRegion.PosteriorThigh);
        row.Status.ShouldBe(EpisodeStatus.Discharged);
        row.DischargeReason.ShouldBe(DischargeReason.GoalsMet);
        row.OpenedOn.ShouldBe(new DateOnly(2026, 3, 2));
        row.DischargedOn.ShouldBe(new DateOnly(2026, 7, 21));
        row.DaysToDischarge.ShouldBe(141);
        row.AgeAtOpening.ShouldBe(37);
        row.WeeksSinceOnset.ShouldBe(4);
        row.VisitsBooked.ShouldBe(7);
        row.VisitsAttended.ShouldBe(5);
        row.VisitsNoShow.ShouldBe(1);
        row.VisitsCancelled.ShouldBe(1);
        row.VisitsSigned.ShouldBe(5);
        row.LastEvaluatedOn.ShouldBe(new DateOnly(2026, 7, 21));
        row.VisitsSinceEvaluation.ShouldBe(1);
        row.RecertificationDueOn.ShouldBe(new DateOnly(2026, 5, 31));
        row.NprsBaseline.ShouldBe(7m);
        row.NprsFinal.ShouldBe(1m);
        row.LefsBaseline.ShouldBe(40m);
        row.LefsFinal.ShouldBe(60m);
        row.PsfsBaseline.ShouldBe(4m);
        row.PsfsFinal.ShouldBeNull();
        row.OdiBaseline.ShouldBe(40m);
        row.OdiFinal.ShouldBe(20m);
        row.DischargeOutcomeRecorded.ShouldBeTrue();
        row.Causes.ShouldBe(["MuscleGuarding"]);
        // Performed interventions only: the needling session is a procedure of its own, counted below.
        row.Interventions.ShouldBe(["cold-therapy", "glute-bridge"]);
        row.DryNeedlingSessions.ShouldBe(1);
        row.DryNeedlingSessionsWithAdverseEvents.ShouldBe(1);
        row.AdverseBruising.ShouldBe(1);
        row.AdverseBleeding.ShouldBe(0);
        row.AdverseSoreness.ShouldBe(1);
        row.AdverseFainting.ShouldBe(0);
        row.AdverseOther.ShouldBe(0);
        row.KnotSitesResolved.ShouldBe(2);
        row.KnotSitesRecurred.ShouldBe(1);

        // Kept current all along: the nightly rebuild finds nothing to correct.
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);
    }

    [Fact]
    public async Task Discharging_sets_the_status_date_days_and_whether_the_discharge_outcome_was_recorded()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { PainNow = 6 }))).Ok();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, saved.Version))).Ok();
        var before = (await OutcomeAsync(episodeId))!;
        before.Status.ShouldBe(EpisodeStatus.Active);
        before.DischargedOn.ShouldBeNull();
        before.DaysToDischarge.ShouldBeNull();

        var episode = await clinic.EpisodeAsync(episodeId);
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, episode.Version, DischargeReason.StoppedAttending, null))).Ok();

        var row = (await OutcomeAsync(episodeId))!;
        row.Status.ShouldBe(EpisodeStatus.Discharged);
        row.DischargeReason.ShouldBe(DischargeReason.StoppedAttending);
        row.DischargedOn.ShouldBe(row.OpenedOn);
        row.DaysToDischarge.ShouldBe(0);
        // The only score is the baseline: nothing was scored again at the last visit.
        row.DischargeOutcomeRecorded.ShouldBeFalse();
    }

    [Fact]
    public async Task Opening_booking_checking_in_and_putting_on_hold_keep_the_row_current()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        (await OutcomeAsync(episodeId))!.Status.ShouldBe(EpisodeStatus.Open);

        var visitId = await clinic.ScheduleVisitAsync(episodeId);
        (await OutcomeAsync(episodeId))!.VisitsBooked.ShouldBe(1);
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        var checkedIn = (await OutcomeAsync(episodeId))!;
        (checkedIn.Status, checkedIn.VisitsAttended).ShouldBe((EpisodeStatus.Active, 1));

        var episode = await clinic.EpisodeAsync(episodeId);
        (await App.SendAsync(clinic.Therapist, new PutEpisodeOnHoldCommand(episodeId, episode.Version, "Travelling"))).Ok();
        (await OutcomeAsync(episodeId))!.Status.ShouldBe(EpisodeStatus.OnHold);
    }

    [Fact]
    public async Task A_tampered_row_and_a_deleted_row_are_each_corrected_by_the_rebuild()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AdminAsync();
        var (first, _) = await clinic.SignedVisitAsync();
        var (second, _) = await clinic.SignedVisitAsync();
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);

        await AsOwnerAsync($"UPDATE episode_outcomes SET visits_signed = 9, causes = '{{Weakness}}' WHERE episode_id = '{first}'");
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(1);
        var repaired = (await OutcomeAsync(first))!;
        (repaired.VisitsSigned, repaired.Causes.Count).ShouldBe((1, 0));

        await AsOwnerAsync($"DELETE FROM episode_outcomes WHERE episode_id = '{second}'");
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(1);
        (await OutcomeAsync(second))!.VisitsSigned.ShouldBe(1);
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);
    }

    [Fact]
    public async Task Discharges_add_to_their_month_total_in_their_transaction_and_the_rebuild_corrects_a_tampered_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AdminAsync();
        var running = await clinic.SignedVisitAsync();
        (await MonthTotalsAsync(clinic.Id)).ShouldBeEmpty(); // a running episode adds to no month total

        var discharged = new List<Guid>();
        foreach (var reason in new[] { DischargeReason.GoalsMet, DischargeReason.StoppedAttending })
        {
            var (episodeId, _) = await clinic.SignedVisitAsync();
            var episode = await clinic.EpisodeAsync(episodeId);
            (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, episode.Version, reason, null))).Ok();
            discharged.Add(episodeId);
        }

        // Both opened and were discharged this month, by the same therapist, for the same region: one row of two.
        var month = (await MonthTotalsAsync(clinic.Id)).ShouldHaveSingleItem();
        var opened = (await OutcomeAsync(discharged[0]))!;
        (month.TherapistId, month.Region, month.OpenedMonth, month.DischargedMonth)
            .ShouldBe((opened.TherapistId, opened.Region, new DateOnly(opened.OpenedOn.Year, opened.OpenedOn.Month, 1), new DateOnly(opened.DischargedOn!.Value.Year, opened.DischargedOn.Value.Month, 1)));
        (month.Totals.Episodes, month.Totals.Discharged, month.Totals.GoalsMet, month.Totals.StoppedAttending, month.Totals.VisitsAttended)
            .ShouldBe((2, 2, 1, 1, 2));
        (month.Totals.Active, month.Totals.ProgressNoteOverdue, month.Totals.RecertificationOverdue).ShouldBe((0, 0, 0));
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);

        // Changed by hand, deleted by hand, or one that adds up nothing: each is one correction.
        await AsOwnerAsync($"UPDATE episode_outcome_months SET totals_episodes = 7 WHERE clinic_id = '{clinic.Id}'");
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(1);
        (await MonthTotalsAsync(clinic.Id)).ShouldHaveSingleItem().Totals.ShouldBe(month.Totals);
        await AsOwnerAsync($"DELETE FROM episode_outcome_months WHERE clinic_id = '{clinic.Id}'");
        await AsOwnerAsync(
            $"INSERT INTO episode_outcome_months SELECT clinic_id, therapist_id, region, opened_month, '2020-01-01', {string.Join(", ", Enumerable.Repeat("0", 51))} FROM (SELECT '{clinic.Id}'::uuid AS clinic_id, '{running.EpisodeId}'::uuid AS therapist_id, 'Knee' AS region, '2019-12-01'::date AS opened_month) AS bogus");
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(2);
        (await MonthTotalsAsync(clinic.Id)).ShouldHaveSingleItem().Totals.ShouldBe(month.Totals);
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);
    }

    [Fact]
    public async Task Correcting_a_date_of_birth_refreshes_the_age_of_every_episode_and_its_month_total()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AdminAsync();
        var (running, _) = await clinic.SignedVisitAsync();
        var (discharged, _) = await clinic.SignedVisitAsync();
        var episode = await clinic.EpisodeAsync(discharged);
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(discharged, episode.Version, DischargeReason.GoalsMet, null))).Ok();
        var before = (await OutcomeAsync(running))!.AgeAtOpening;
        before.ShouldBeLessThan(40);
        (await MonthTotalsAsync(clinic.Id)).ShouldHaveSingleItem().Totals.AgeUnder40.ShouldBe(1);

        // Born 1988 (under 40): corrected to thirty years earlier, so over 65 at each opening.
        var chart = (await App.SendAsync(clinic.Therapist, new GetPatientChartQuery(clinic.PatientId))).Ok();
        (await App.SendAsync(clinic.Desk, new EditPatientCommand(
            chart.Id, chart.Version, chart.Mrn, chart.GivenName, chart.FamilyName, chart.DateOfBirth.AddYears(-30), chart.Sex, chart.Phone, chart.Email,
            chart.Occupation, MedicalHistory.None))).Ok();

        (await OutcomeAsync(running))!.AgeAtOpening.ShouldBe(before + 30);
        (await OutcomeAsync(discharged))!.AgeAtOpening.ShouldBe(before + 30);
        var month = (await MonthTotalsAsync(clinic.Id)).ShouldHaveSingleItem();
        (month.Totals.AgeUnder40, month.Totals.Age65AndOver).ShouldBe((0, 1));
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);
    }

    [Fact]
    public async Task Moving_the_clinic_to_another_time_zone_re_dates_its_outcome_rows()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AdminAsync();
        // 20:00 UTC on 1 July: the 1st in London, already the 2nd at UTC+14.
        await using var evening = new StoppedClockApp(App, new DateTimeOffset(2026, 7, 1, 20, 0, 0, TimeSpan.Zero));
        var episodeId = (await evening.SendAsync(clinic.Desk, new OpenEpisodeCommand(
            clinic.PatientId, "Knot in the left hamstring", BodyRegion.PosteriorThigh, BodySide.Left, null, "GP", TestClinic.IdOf(clinic.Therapist)))).Ok();
        (await OutcomeAsync(episodeId))!.OpenedOn.ShouldBe(new DateOnly(2026, 7, 1));

        var settings = (await App.SendAsync(admin, new GetClinicSettingsQuery())).Ok();
        (await App.SendAsync(admin, new UpdateClinicSettingsCommand(
            settings.Version, settings.Name, settings.Address, settings.Phone, "Pacific/Kiritimati", settings.PaperSize,
            [.. settings.OpeningHours.Select(d => new OpeningDayInput(d.Day, d.IsOpen, d.Opens, d.Closes))], settings.IdleTimeoutMinutes, settings.TwoFactorRequirement))).Ok();

        (await OutcomeAsync(episodeId))!.OpenedOn.ShouldBe(new DateOnly(2026, 7, 2));
        (await App.SendAsync(admin, new RebuildEpisodeOutcomesCommand())).Ok().ShouldBe(0);
    }

    private Task<List<Application.Features.Dashboard.EpisodeOutcomeMonth>> MonthTotalsAsync(Guid clinicId) =>
        App.ReadAsync(db => db.EpisodeOutcomeMonths.IgnoreQueryFilters().AsNoTracking().Where(m => m.ClinicId == clinicId).ToListAsync());

    [Fact]
    public async Task Refreshing_another_clinics_episode_changes_nothing()
    {
        var a = await TestClinic.CreateAsync(App, "Northside Physio");
        var b = await TestClinic.CreateAsync(App, "Southside Physio");
        var (theirs, _) = await b.SignedVisitAsync();
        await AsOwnerAsync($"UPDATE episode_outcomes SET visits_signed = 9 WHERE episode_id = '{theirs}'");
        var tampered = (await OutcomeAsync(theirs))!.RefreshedAt;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = a.Therapist;
            await scope.ServiceProvider.GetRequiredService<IEpisodeOutcomes>().RefreshAsync([theirs], TestContext.Current.CancellationToken);
        }

        var row = (await OutcomeAsync(theirs))!;
        (row.VisitsSigned, row.RefreshedAt).ShouldBe((9, tampered));
    }

    private Task<EpisodeOutcome?> OutcomeAsync(Guid episodeId) =>
        App.ReadAsync(db => db.EpisodeOutcomes.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(o => o.EpisodeId == episodeId));

    private async Task AsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    /// <summary>Each step sent with the clock stopped at its instant; one service graph per instant.</summary>
    private sealed class Chart(AppFixture app, TestClinic clinic) : IAsyncDisposable
    {
        private readonly Dictionary<DateTimeOffset, StoppedClockApp> _clocks = [];
        private readonly Dictionary<Guid, DateTimeOffset> _visitStarts = [];

        public StoppedClockApp At(DateTimeOffset instant)
        {
            if (!_clocks.TryGetValue(instant, out var stopped))
            {
                _clocks[instant] = stopped = new StoppedClockApp(app, instant);
            }

            return stopped;
        }

        /// <summary>Charting happens five minutes into the visit.</summary>
        public StoppedClockApp Charting(Guid visitId) => At(_visitStarts[visitId].AddMinutes(5));

        public async Task<Guid> BookAsync(Guid episodeId, DateTimeOffset startsAt, VisitType type)
        {
            var visitId = (await At(startsAt.AddDays(-1)).SendAsync(clinic.Desk, new ScheduleVisitCommand(
                episodeId, TestClinic.IdOf(clinic.Therapist), startsAt, 45, type))).Ok();
            _visitStarts[visitId] = startsAt;
            return visitId;
        }

        /// <summary>Booked the day before, checked in as it starts.</summary>
        public async Task<Guid> VisitAsync(Guid episodeId, DateTimeOffset startsAt, VisitType type)
        {
            var visitId = await BookAsync(episodeId, startsAt, type);
            (await At(startsAt).SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
            return visitId;
        }

        /// <summary>NPRS is the pain-now rating of the pain findings; the questionnaires are recorded as such.</summary>
        public async Task<uint> ScoreAsync(Guid visitId, uint? version, OutcomeMeasure measure, int[] ratings, string[]? activities = null) =>
            measure == OutcomeMeasure.Nprs
                ? (await Charting(visitId).SendAsync(clinic.Therapist, new SaveFindingsCommand(
                    visitId, version, FindingsInput.Empty with { PainNow = ratings[0] }))).Ok().Version
                : (await Charting(visitId).SendAsync(clinic.Therapist, new RecordOutcomeCommand(
                    visitId, version, measure, [.. ratings.Select(r => (int?)r)], activities ?? []))).Ok().Version;

        public async ValueTask DisposeAsync()
        {
            foreach (var stopped in _clocks.Values)
            {
                await stopped.DisposeAsync();
            }
        }

        public async Task SignAsync(Guid visitId)
        {
            var note = (await Charting(visitId).SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Charted", null, null, null))).Ok();
            // Signed now: the database refuses a signature dated other than when it is written.
            (await app.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version))).Ok();
        }
    }
}
