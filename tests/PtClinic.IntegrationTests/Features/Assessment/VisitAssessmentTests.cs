using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Assessment;

public sealed class VisitAssessmentTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly KnotInput TenderKnotReferringToTheCalf = new(7, 2.5m, 12, IsActive: true, LocalTwitchResponse: true, [ReferredPainArea.LowerLeg]);

    private static readonly FindingsInput DeskWorker = new()
    {
        PainNow = 6,
        PainBest24Hours = 3,
        PainWorst24Hours = 8,
        Aggravating = "Sitting through meetings",
        Easing = "Walking",
        HoursSittingPerDay = 9,
        ActiveDaysPerWeek = 1,
        WarmsUpBeforeExercise = false,
        RangeOfMotion = [new RangeOfMotionInput(RangeOfMotionTest.ActiveStraightLegRaise, 55, 80)],
        Strength = [new StrengthInput(MuscleGroup.GluteusMaximus, BodySide.Left, 4)],
        Posture = [PostureObservation.SlumpedSitting],
        MuscleGuardingObserved = false,
    };

    [Fact]
    public async Task Findings_knots_and_questionnaires_saved_with_a_draft_survive_a_reload()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();

        var knot = (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, null, "biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird, TenderKnotReferringToTheCalf))).Ok();
        var findings = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, knot.Saved.Version, DeskWorker))).Ok();
        var lefs = (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, findings.Version, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(2, 20)], []))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, lefs.Version, OutcomeMeasure.Psfs, [3, 5, 4], ["Run 5 km", "Sit through a film", "Climb stairs"]))).Ok();

        var reloaded = await AssessmentAsync(clinic, visitId);

        Json(reloaded.Findings).ShouldBe(Json(DeskWorker));
        var charted = reloaded.Knots.ShouldHaveSingleItem();
        (charted with { ReferredPain = [] }).ShouldBe(new KnotDto(knot.KnotId, "biceps-femoris-long-head", "Biceps femoris (long head)",
            BodySide.Left, MuscleZone.MiddleThird, 7, 2.5m, 12, true, true, []));
        charted.ReferredPain.ShouldBe([ReferredPainArea.LowerLeg]);
        reloaded.Outcomes.Select(o => (o.Measure, o.Score)).ShouldBe(
            [(OutcomeMeasure.Nprs, 6m), (OutcomeMeasure.Lefs, 40m), (OutcomeMeasure.Psfs, 4m)]);
        reloaded.Outcomes.Single(o => o.Measure == OutcomeMeasure.Psfs).ActivityNames.ShouldBe(["Run 5 km", "Sit through a film", "Climb stairs"]);
        reloaded.PsfsBaselineActivities.ShouldBe(["Run 5 km", "Sit through a film", "Climb stairs"]);
        reloaded.IsFrozen.ShouldBeFalse();
        reloaded.CanEdit.ShouldBeTrue();
    }

    [Fact]
    public async Task A_signed_notes_findings_are_immutable_like_its_text()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var knot = (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, null, "semitendinosus", BodySide.Right, MuscleZone.DistalThird, TenderKnotReferringToTheCalf))).Ok();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, knot.Saved.Version, DeskWorker))).Ok();
        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the right knee", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version))).Ok();
        var signed = await AssessmentAsync(clinic, visitId);

        var changeFindings = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, signed.Version, FindingsInput.Empty));
        var addKnot = await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, signed.Version, "gastrocnemius", BodySide.Left, MuscleZone.ProximalThird, TenderKnotReferringToTheCalf));
        var removeKnot = await App.SendAsync(clinic.Therapist, new RemoveKnotFindingCommand(visitId, signed.Version!.Value, knot.KnotId));
        var decide = await App.SendAsync(clinic.Therapist, new DecideRootCauseCommand(visitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, "Desk job"));

        changeFindings.Failed(ErrorKind.Rule).Message.ShouldContain("signed");
        addKnot.Failed(ErrorKind.Rule);
        removeKnot.Failed(ErrorKind.Rule);
        decide.Failed(ErrorKind.Rule);
        signed.IsFrozen.ShouldBeTrue();
        signed.CanEdit.ShouldBeFalse();
        signed.Version.ShouldNotBe(saved.Version); // freezing was the last write
        (await AssessmentAsync(clinic, visitId)).ShouldBeEquivalentTo(signed);

        // The database refuses it too, whatever writes.
        await RefusedAsync("UPDATE visit_assessments SET findings = '{}' WHERE visit_id = @visit");
        await RefusedAsync("DELETE FROM visit_assessments WHERE visit_id = @visit");
        await RefusedAsync("UPDATE knot_findings SET tenderness = 1 WHERE assessment_id = (SELECT id FROM visit_assessments WHERE visit_id = @visit)");
        await RefusedAsync("DELETE FROM knot_findings WHERE assessment_id = (SELECT id FROM visit_assessments WHERE visit_id = @visit)");
        await RefusedAsync("DELETE FROM recorded_outcomes WHERE assessment_id = (SELECT id FROM visit_assessments WHERE visit_id = @visit)");
        await RefusedAsync("""
            INSERT INTO knot_findings (id, clinic_id, assessment_id, muscle_code, side, zone, tenderness, is_active, local_twitch_response, referred_pain)
            SELECT gen_random_uuid(), clinic_id, id, 'piriformis', 'Left', 'MiddleThird', 3, false, false, '{}' FROM visit_assessments WHERE visit_id = @visit
            """);
        (await AssessmentAsync(clinic, visitId)).ShouldBeEquivalentTo(signed);

        async Task RefusedAsync(string sql)
        {
            var refused = await Should.ThrowAsync<PostgresException>(async () =>
            {
                await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("visit", visitId);
                await command.ExecuteNonQueryAsync();
            });
            refused.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation);
        }
    }

    [Fact]
    public async Task Two_changes_from_the_same_version_the_second_is_a_conflict_and_the_first_stays()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var first = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, DeskWorker))).Ok();

        var tabA = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, first.Version, DeskWorker with { PainNow = 4 }));
        var tabB = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, first.Version, DeskWorker with { PainNow = 7 }));
        var startedElsewhere = await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, null, "piriformis", BodySide.Left, MuscleZone.MiddleThird, TenderKnotReferringToTheCalf));

        tabA.Ok();
        tabB.Failed(ErrorKind.Conflict);
        startedElsewhere.Failed(ErrorKind.Conflict);
        var stored = await AssessmentAsync(clinic, visitId);
        stored.Findings.PainNow.ShouldBe(4);
        stored.Knots.ShouldBeEmpty();
    }

    [Fact]
    public async Task Out_of_range_answers_get_field_messages_and_change_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, DeskWorker))).Ok();

        var tooTender = await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, saved.Version, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, TenderKnotReferringToTheCalf with { Tenderness = 11 }));
        var notAMuscle = await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, saved.Version, "biceps-brachii", BodySide.Left, MuscleZone.MiddleThird, TenderKnotReferringToTheCalf));
        var impossibleDay = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(
            visitId, saved.Version, DeskWorker with { HoursSittingPerDay = 30, PainBest24Hours = 9 }));
        var oneSide = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(
            visitId, saved.Version, DeskWorker with { RangeOfMotion = [new RangeOfMotionInput(RangeOfMotionTest.NinetyNinety, 30, null)] }));
        var halfLefs = await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, saved.Version, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(2, 12)], []));

        tooTender.Failed(ErrorKind.Validation).For("Knot.Tenderness").ShouldBe("Tenderness must be 0 to 10.");
        notAMuscle.Failed(ErrorKind.Validation).For(nameof(AddKnotFindingCommand.MuscleCode)).ShouldNotBeNull();
        var dayErrors = impossibleDay.Failed(ErrorKind.Validation);
        dayErrors.For("Findings.HoursSittingPerDay").ShouldNotBeNull();
        dayErrors.For("Findings.PainBest24Hours").ShouldBe("Pain at its best cannot be higher than at its worst.");
        oneSide.Failed(ErrorKind.Validation).Fields.ShouldContain(f => f.Message == "Measure the 90-90 knee extension deficit on both sides, or leave both empty.");
        halfLefs.Failed(ErrorKind.Rule).Message.ShouldContain("LEFS needs all 20 items");
        var stored = await AssessmentAsync(clinic, visitId);
        stored.Version.ShouldBe(saved.Version);
        Json(stored.Findings).ShouldBe(Json(DeskWorker));
    }

    [Fact]
    public async Task Findings_text_too_long_or_with_a_NUL_is_named_beside_its_field_and_changes_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, DeskWorker))).Ok();

        var refused = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, saved.Version, DeskWorker with
        {
            Aggravating = new string('a', PainFindings.FactorsMaxLength + 1),
            Easing = "Heat\0pack",
            MuscleGuardingObserved = true,
            MuscleGuardingNote = "<b>guarded</b>\0",
        }));

        var errors = refused.Failed(ErrorKind.Validation);
        errors.For("Findings.Aggravating").ShouldBe("The aggravating factors can be at most 500 characters; this one has 501.");
        errors.For("Findings.Easing").ShouldBe(UnstorableText.MessageFor("Easing"));
        errors.For("Findings.MuscleGuardingNote").ShouldBe(UnstorableText.MessageFor("MuscleGuardingNote"));
        var stored = await AssessmentAsync(clinic, visitId);
        stored.Version.ShouldBe(saved.Version);
        Json(stored.Findings).ShouldBe(Json(DeskWorker));
    }

    [Fact]
    public async Task Nine_hours_sitting_proposes_a_sedentary_lifestyle_which_the_therapist_confirms_with_a_reason()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { HoursSittingPerDay = 9 }))).Ok();

        var proposed = await AssessmentAsync(clinic, visitId);
        var noReason = await App.SendAsync(clinic.Therapist, new DecideRootCauseCommand(visitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, " "));
        (await App.SendAsync(clinic.Therapist, new DecideRootCauseCommand(
            visitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, "Desk job, no breaks"))).Ok();
        (await App.SendAsync(clinic.Therapist, new DecideRootCauseCommand(
            visitId, RootCause.Overexertion, HypothesisVerdict.Rejected, "Has not trained for months"))).Ok();

        var sedentary = proposed.Hypotheses.ShouldHaveSingleItem();
        sedentary.Cause.ShouldBe(RootCause.SedentaryLifestyle);
        sedentary.Evidence.ShouldBe(["sits 9 h/day"]);
        sedentary.Decision.ShouldBeNull(); // nothing is confirmed automatically
        noReason.Failed(ErrorKind.Validation).For(nameof(DecideRootCauseCommand.Reason)).ShouldNotBeNull();
        var decided = await AssessmentAsync(clinic, visitId);
        decided.Hypotheses.Single().Decision!.ShouldSatisfyAllConditions(
            d => d.Verdict.ShouldBe(HypothesisVerdict.Confirmed),
            d => d.Reason.ShouldBe("Desk job, no breaks"),
            d => d.Evidence.ShouldBe(["sits 9 h/day"]),
            d => d.DecidedBy.ShouldBe("Maya Lindqvist"));
        decided.Decisions.Select(d => (d.Cause, d.Verdict)).ShouldBe(
            [(RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed), (RootCause.Overexertion, HypothesisVerdict.Rejected)], ignoreOrder: true);
        var progress = (await App.SendAsync(clinic.Manager, new GetEpisodeProgressQuery(episodeId))).Ok();
        progress.ConfirmedCauses.ShouldHaveSingleItem().Cause.ShouldBe(RootCause.SedentaryLifestyle);
    }

    [Fact]
    public async Task A_red_flag_must_be_answered_before_the_note_is_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, DeskWorker with { RedFlags = [RedFlag.CalfSwellingWithWarmth] }))).Ok();
        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Calf warm and swollen", null, null, null))).Ok();

        var signUnanswered = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version));
        var noWhy = await App.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(visitId, ReferralAction.NotReferred, null));
        (await App.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(visitId, ReferralAction.Referred, "Sent to A&E for a DVT scan"))).Ok();
        var sign = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version));

        signUnanswered.Failed(ErrorKind.Rule).Message.ShouldContain("refer");
        noWhy.Failed(ErrorKind.Validation).For(nameof(AcknowledgeReferralCommand.Note)).ShouldNotBeNull();
        sign.Ok();
        var referral = (await AssessmentAsync(clinic, visitId)).Referral.ShouldNotBeNull();
        referral.Reasons.ShouldBe(["red flag: calf swelling with warmth (possible deep-vein thrombosis)"]);
        referral.Acknowledgement!.Action.ShouldBe(ReferralAction.Referred);
        referral.Acknowledgement.Note.ShouldBe("Sent to A&E for a DVT scan");
    }

    [Fact]
    public async Task The_episode_shows_each_measures_change_since_baseline_and_whether_it_reaches_the_mcid()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, firstVisit) = await clinic.CheckedInVisitAsync();
        var secondVisit = await clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow.AddMinutes(-1));
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(secondVisit))).Ok();
        await ChartAndSignAsync(firstVisit, painNow: 7, lefsItem: 2); // LEFS 40
        await ChartAndSignAsync(secondVisit, painNow: 6, lefsItem: 3); // LEFS 60

        var progress = (await App.SendAsync(clinic.Therapist, new GetEpisodeProgressQuery(episodeId))).Ok();
        var atSecondVisit = await AssessmentAsync(clinic, secondVisit);

        var nprs = progress.Measures.Single(m => m.Measure == OutcomeMeasure.Nprs).Signed!;
        (nprs.Baseline, nprs.Latest, nprs.Change, nprs.IsImprovement, nprs.ReachesMcid).ShouldBe((7m, 6m, -1m, true, false));
        var lefs = progress.Measures.Single(m => m.Measure == OutcomeMeasure.Lefs);
        (lefs.Signed!.Baseline, lefs.Signed.Latest, lefs.Signed.Change, lefs.Signed.ReachesMcid, lefs.Mcid, lefs.Signed.Scores).ShouldBe((40m, 60m, 20m, true, 9m, 2));
        progress.Measures.ShouldAllBe(m => m.Drafts.Count == 0);
        var lefsHere = atSecondVisit.Outcomes.Single(o => o.Measure == OutcomeMeasure.Lefs).SinceBaseline!;
        (lefsHere.Baseline, lefsHere.Change, lefsHere.ReachesMcid).ShouldBe((40m, 20m, true));
        (await AssessmentAsync(clinic, firstVisit)).Outcomes.ShouldAllBe(o => o.SinceBaseline == null);
        atSecondVisit.PsfsBaselineActivities.ShouldBeEmpty();

        async Task ChartAndSignAsync(Guid visitId, int painNow, int lefsItem)
        {
            var saved = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { PainNow = painNow }))).Ok();
            (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
                visitId, saved.Version, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(lefsItem, 20)], []))).Ok();
            var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Hamstring reviewed", null, null, null))).Ok();
            (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version))).Ok();
        }
    }

    [Fact]
    public async Task Decisions_and_referral_answers_are_append_only_in_the_database()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, DeskWorker with { RedFlags = [RedFlag.Fever] }))).Ok();
        (await App.SendAsync(clinic.Therapist, new DecideRootCauseCommand(visitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, "Desk job"))).Ok();
        (await App.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(visitId, ReferralAction.NotReferred, "Fever from a cold, resolving; reviewed with GP notes"))).Ok();

        // As the tables' owner, who holds every privilege: the triggers refuse even it (the app's
        // own role may not update or delete these at all: see LeastPrivilegeTests).
        foreach (var sql in new[] { "UPDATE cause_decisions SET reason = 'x'", "DELETE FROM cause_decisions", "UPDATE referral_acknowledgements SET note = 'x'", "DELETE FROM referral_acknowledgements" })
        {
            await using var connection = new NpgsqlConnection(App.Database.OwnerConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)))
                .SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation, sql);
        }

        (await App.ReadAsync(db => db.CauseDecisions.IgnoreQueryFilters().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_front_desk_cannot_chart_findings_and_another_clinic_cannot_read_them()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, DeskWorker))).Ok();

        var byDesk = await App.SendAsync(clinic.Desk, new SaveFindingsCommand(visitId, null, DeskWorker));
        var deskReads = await App.SendAsync(clinic.Desk, new GetVisitAssessmentQuery(visitId));
        var otherClinicReads = await App.SendAsync(elsewhere.Therapist, new GetVisitAssessmentQuery(visitId));

        byDesk.Failed(ErrorKind.Forbidden);
        deskReads.Failed(ErrorKind.Forbidden);
        otherClinicReads.Failed(ErrorKind.NotFound);
    }

    /// <summary>Records holding lists compare by reference; their JSON compares by content.</summary>
    private static string Json(FindingsInput findings) => System.Text.Json.JsonSerializer.Serialize(findings);

    private async Task<VisitAssessmentDto> AssessmentAsync(TestClinic clinic, Guid visitId) =>
        (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(visitId))).Ok();
}
