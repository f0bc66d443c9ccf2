using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Security;

namespace PtClinic.IntegrationTests.Features.Plans;

public sealed class PlanOfCareTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = ScenarioClinic.Today;

    private static readonly PlanInput FullPlan = ScenarioClinic.ReadyPlan with
    {
        Problems = ["Pain behind the left knee when sitting", "Weak gluteus maximus"],
        Goals =
        [
            new GoalInput("after 30 min sitting", OutcomeMeasure.Nprs, GoalComparison.AtMost, 2, Today.AddDays(28)),
            new GoalInput("Walk the dog for 30 minutes without pain", null, null, null, Today.AddDays(42)),
        ],
        Items =
        [
            new PlanItemInput(PlanSetting.InClinic, InterventionCatalog.TriggerPointRelease, HoldSeconds: 30, Notes: "Biceps femoris, left"),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.GluteBridge, Sets: 3, Reps: 10, HoldSeconds: 5, TimesPerDay: 1, DaysPerWeek: 5),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.HamstringStretchSupineStrap, Sets: 3, HoldSeconds: 30, TimesPerDay: 2, DaysPerWeek: 7),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.ColdTherapy, MinutesOn: 10, MinutesOff: 15, Notes: "Until the pain eases"),
        ],
    };

    [Fact]
    public async Task A_plan_with_goals_interventions_and_a_home_program_round_trips()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId, version) = await DraftAsync(clinic);

        (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, planId, version, FullPlan))).Ok();

        var draft = (await PlanAsync(clinic, episodeId)).Draft.ShouldNotBeNull();
        draft.Plan.Problems.ShouldBe(FullPlan.Problems);
        draft.Plan.Goals.ShouldBe(FullPlan.Goals);
        draft.Plan.Items.ShouldBe(FullPlan.Items);
        draft.Frequency.ShouldBe("2 visits a week for 6 weeks");
        draft.GoalsDescribed[0].ShouldStartWith("NPRS ≤ 2 after 30 min sitting, by ");
    }

    [Fact]
    public async Task Revising_a_signed_plan_makes_version_2_and_version_1_is_unchanged()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId) = await SignedAsync(clinic, FullPlan);
        var signed = (await PlanAsync(clinic, episodeId)).InForce.ShouldNotBeNull();

        var revision = (await App.SendAsync(clinic.Therapist, new ReviseSignedPlanCommand(episodeId, planId))).Ok();
        (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(
            episodeId, revision.PlanId, revision.Version, FullPlan with { VisitsPerWeek = 1, Problems = ["Pain when sitting"] }))).Ok();

        revision.Number.ShouldBe(2);
        var plan = await PlanAsync(clinic, episodeId);
        plan.Versions.Select(v => (v.Number, v.Status)).ShouldBe([(2, PlanStatus.Draft), (1, PlanStatus.Signed)]);
        plan.InForceId.ShouldBe(planId);
        plan.Versions[1].ShouldBeEquivalentTo(signed);
        plan.Draft!.Plan.VisitsPerWeek.ShouldBe(1);
        (await App.SendAsync(clinic.Therapist, new ReviseSignedPlanCommand(episodeId, planId))).Failed(ErrorKind.Conflict);
    }

    [Fact]
    public async Task A_signed_plan_cannot_be_saved_over_and_is_signed_once()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId, version) = await DraftAsync(clinic, FullPlan);
        var signed = (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today, null))).Ok();

        (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, planId, signed.Version, FullPlan with { Problems = [] })))
            .Failed(ErrorKind.Rule).Message.ShouldBe("A signed plan is never edited: revise it to make the next version.");
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, signed.Version, Today, null))).Failed(ErrorKind.Rule);
        var inForce = (await PlanAsync(clinic, episodeId)).InForce.ShouldNotBeNull();
        inForce.CertifiedOn.ShouldBe(Today);
        inForce.RecertificationDueOn.ShouldBe(Today.AddDays(PlanOfCare.MaxDaysToRecertification));
        inForce.Plan.Problems.ShouldBe(FullPlan.Problems);
    }

    [Fact]
    public async Task The_database_refuses_the_app_role_an_update_or_delete_of_a_signed_plan_and_a_plan_stored_already_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId) = await SignedAsync(clinic, FullPlan);

        await RefusedAsync("UPDATE plans_of_care SET content = jsonb_set(content, '{visitsPerWeek}', '7') WHERE id = @plan", planId);
        await RefusedAsync("UPDATE plans_of_care SET recertification_due_on = recertification_due_on + 30 WHERE id = @plan", planId);
        await RefusedAsync("DELETE FROM plans_of_care WHERE id = @plan", planId);
        await RefusedAsync("""
            INSERT INTO plans_of_care (id, clinic_id, episode_id, patient_id, number, status, content, created_at, last_edited_at,
                signed_at, certified_on, recertification_due_on, created_by_name, created_by_user_id, last_edited_by_name,
                last_edited_by_user_id, signed_by_name, signed_by_user_id)
            SELECT gen_random_uuid(), clinic_id, episode_id, patient_id, 2, 'Signed', content, now(), now(), now(), certified_on,
                recertification_due_on, created_by_name, created_by_user_id, last_edited_by_name, last_edited_by_user_id,
                signed_by_name, signed_by_user_id
            FROM plans_of_care WHERE id = @plan
            """, planId);

        (await PlanAsync(clinic, episodeId)).InForce!.Plan.VisitsPerWeek.ShouldBe(FullPlan.VisitsPerWeek);
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "0 sets", "Plan.Items[0].Sets" },
        { "200 sets", "Plan.Items[0].Sets" },
        { "a 3-hour hold", "Plan.Items[0].HoldSeconds" },
        { "negative minutes", "Plan.Items[0].MinutesOn" },
        { "a goal before the plan", "Plan.Goals[0].TargetDate" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_field_error_and_changes_nothing_saved(string input, string field)
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId, version) = await DraftAsync(clinic, FullPlan);
        var before = await PlanAsync(clinic, episodeId);
        var bridge = FullPlan.Items[1];
        var plan = input switch
        {
            "0 sets" => FullPlan with { Items = [bridge with { Sets = 0 }] },
            "200 sets" => FullPlan with { Items = [bridge with { Sets = 200 }] },
            "a 3-hour hold" => FullPlan with { Items = [bridge with { HoldSeconds = 3 * 60 * 60 }] },
            "negative minutes" => FullPlan with { Items = [bridge with { MinutesOn = -5 }] },
            _ => FullPlan with { Goals = [FullPlan.Goals[0] with { TargetDate = Today.AddDays(-1) }] },
        };

        var refused = await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, planId, version, plan));

        refused.Failed(ErrorKind.Validation).For(field).ShouldNotBeNullOrWhiteSpace();
        (await PlanAsync(clinic, episodeId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Dry_needling_for_a_patient_on_anticoagulants_is_refused_with_its_message_and_nothing_is_saved()
    {
        var clinic = await TestClinic.CreateAsync(App);
        await HistoryAsync(clinic, MedicalHistory.None with { AnticoagulantUse = true });
        var (episodeId, planId, version) = await DraftAsync(clinic, ScenarioClinic.ReadyPlan);
        var before = await PlanAsync(clinic, episodeId);

        var refused = await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, planId, version, FullPlan with
        {
            Items = [new PlanItemInput(PlanSetting.InClinic, InterventionCatalog.DryNeedling, Justification: "Asked for it")],
        }));

        refused.Failed(ErrorKind.Validation).For("Plan.Items[0].InterventionCode")
            .ShouldBe("Dry needling is blocked: the patient takes anticoagulants.");
        (await PlanAsync(clinic, episodeId)).ShouldBeEquivalentTo(before);
        before.Catalog.Single(c => c.Code == InterventionCatalog.DryNeedling).Blocked.ShouldBe("Dry needling is blocked: the patient takes anticoagulants.");
    }

    [Fact]
    public async Task A_relative_contraindication_without_a_justification_is_refused_and_with_one_is_stored()
    {
        var clinic = await TestClinic.CreateAsync(App);
        await HistoryAsync(clinic, MedicalHistory.None with { Pregnancy = true });
        var (episodeId, planId, version) = await DraftAsync(clinic);
        var plank = new PlanItemInput(PlanSetting.Home, InterventionCatalog.ReversePlank, Sets: 3, HoldSeconds: 20);

        var refused = await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, planId, version, FullPlan with { Items = [plank] }));
        var justified = plank with { Justification = "Second trimester, cleared by her midwife; short holds only." };
        (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, planId, version, FullPlan with { Items = [justified] }))).Ok();

        refused.Failed(ErrorKind.Validation).For("Plan.Items[0].Justification").ShouldBe("Reverse plank needs a written clinical justification: the patient is pregnant.");
        var draft = (await PlanAsync(clinic, episodeId)).Draft!;
        draft.Plan.Items.ShouldHaveSingleItem().Justification.ShouldBe(justified.Justification);
        draft.Warnings.ShouldHaveSingleItem().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_flag_recorded_after_signing_puts_a_warning_on_the_prescription_it_affects()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, _) = await SignedAsync(clinic, FullPlan);

        await HistoryAsync(clinic, MedicalHistory.None with { Raynauds = true });

        var inForce = (await PlanAsync(clinic, episodeId)).InForce!;
        inForce.Warnings[3].ShouldBe(["Cold therapy is blocked: the patient has Raynaud's."]);
        inForce.Warnings.Take(3).ShouldAllBe(w => w.Count == 0);
    }

    [Fact]
    public async Task Signing_needs_a_certification_date_not_in_the_future_and_a_recertification_within_90_days()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId, version) = await DraftAsync(clinic, FullPlan);

        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today.AddDays(1), null)))
            .Failed(ErrorKind.Validation).For(nameof(SignPlanOfCareCommand.CertifiedOn)).ShouldBe("The certification date cannot be in the future.");
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today, Today.AddDays(91))))
            .Failed(ErrorKind.Validation).For(nameof(SignPlanOfCareCommand.RecertifyBy)).ShouldNotBeNull();
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today.AddDays(-1), null)))
            .Failed(ErrorKind.Rule).Message.ShouldBe("The certification date cannot be before the plan starts.");
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today, Today.AddDays(30)))).Ok();

        (await PlanAsync(clinic, episodeId)).InForce!.RecertificationDueOn.ShouldBe(Today.AddDays(30));
        var episode = await clinic.EpisodeAsync(episodeId);
        episode.Plan.ShouldBe(new Application.Features.Episodes.EpisodePlanDto(1, Today.AddDays(30), HasDraft: false));
    }

    [Fact]
    public async Task Suggestions_answer_the_confirmed_causes_and_active_knots_and_settled_ones_are_not_suggested_again()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with
        {
            Strength = [new StrengthInput(MuscleGroup.GluteusMaximus, BodySide.Left, 4)],
        }))).Ok();
        (await App.SendAsync(clinic.Therapist, new DecideRootCauseCommand(visitId, RootCause.Weakness, HypothesisVerdict.Confirmed, "Weak on testing"))).Ok();
        (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(visitId, saved.Version, "biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird,
            new KnotInput(6, null, null, IsActive: true, LocalTwitchResponse: false, [])))).Ok();
        var started = (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(episodeId, Today))).Ok();

        var suggestions = (await PlanAsync(clinic, episodeId)).Suggestions;

        suggestions.Select(s => s.InterventionCode).ShouldBe([
            InterventionCatalog.GluteBridge, InterventionCatalog.DonkeyKick, InterventionCatalog.ReversePlank,
            InterventionCatalog.TriggerPointRelease, InterventionCatalog.BallTriggerPointRelease]);
        suggestions[0].Answers.ShouldStartWith("weakness — ");
        suggestions[3].Answers.ShouldBe("active knot, biceps femoris long head, left, middle third");

        var bridge = suggestions[0];
        (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, started.PlanId, started.Version, new PlanInput
        {
            StartsOn = Today,
            Items = [bridge.Item],
            SettledSuggestions = [bridge.Key, suggestions[1].Key],
        }))).Ok();
        (await PlanAsync(clinic, episodeId)).Suggestions.Select(s => s.InterventionCode).ShouldBe([
            InterventionCatalog.ReversePlank, InterventionCatalog.TriggerPointRelease, InterventionCatalog.BallTriggerPointRelease]);
    }

    [Fact]
    public async Task A_second_plan_is_not_started_on_an_episode_that_has_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, _, _) = await DraftAsync(clinic);

        (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(episodeId, Today))).Failed(ErrorKind.Conflict);
        (await App.ReadAsync(db => db.PlansOfCare.IgnoreQueryFilters().CountAsync(p => p.EpisodeId == episodeId))).ShouldBe(1);
    }

    private async Task<(Guid EpisodeId, Guid PlanId, uint Version)> DraftAsync(TestClinic clinic, PlanInput? plan = null)
    {
        var episodeId = await clinic.OpenEpisodeAsync();
        var started = (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(episodeId, Today))).Ok();
        if (plan is null)
        {
            return (episodeId, started.PlanId, started.Version);
        }

        var saved = (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, started.PlanId, started.Version, plan))).Ok();
        return (episodeId, saved.PlanId, saved.Version);
    }

    private async Task<(Guid EpisodeId, Guid PlanId)> SignedAsync(TestClinic clinic, PlanInput plan)
    {
        var (episodeId, planId, version) = await DraftAsync(clinic, plan);
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today, null))).Ok();
        return (episodeId, planId);
    }

    private async Task<PlanOfCareDto> PlanAsync(TestClinic clinic, Guid episodeId) =>
        (await App.SendAsync(clinic.Therapist, new GetPlanOfCareQuery(episodeId))).Ok();

    private async Task HistoryAsync(TestClinic clinic, MedicalHistory history)
    {
        var chart = (await App.SendAsync(clinic.Therapist, new GetPatientChartQuery(clinic.PatientId))).Ok();
        (await App.SendAsync(clinic.Therapist, ScenarioClinic.Edit(chart, chart.GivenName) with { MedicalHistory = history })).Ok();
    }

    private async Task RefusedAsync(string sql, Guid planId)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("plan", planId);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        refused.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation, $"{sql}: {refused.MessageText}");
    }
}
