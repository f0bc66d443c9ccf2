using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Features.Assessment;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Assessment;

/// <summary>
/// Findings written under an earlier, looser rule stay readable after the rule is tightened: a
/// signed note must always open and show what was recorded.
/// </summary>
public sealed class StoredFindingsTests(AppFixture app) : IntegrationTest(app)
{
    // Written before "pain now lies between best and worst" was a rule, and with readings today's
    // rules refuse: an SLR past the scale's maximum, a side on core strength, a test stored twice.
    private const string DocumentUnderOlderRules = """
        {"pain":{"now":8,"best24Hours":2,"worst24Hours":6,"aggravating":"Sitting"},
         "rangeOfMotion":[{"test":"ActiveStraightLegRaise","leftDegrees":200,"rightDegrees":80},
                          {"test":"ActiveStraightLegRaise","leftDegrees":60,"rightDegrees":80}],
         "strength":[{"muscleGroup":"Core","side":"Left","grade":3}],
         "muscleGuarding":{"observed":true,"note":"Guarding on palpation"},
         "redFlags":["NightPain"]}
        """;

    [Fact]
    public async Task A_findings_document_written_under_an_older_rule_still_reads_back_as_stored()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, new FindingsInput { PainNow = 5 }))).Ok();
        var stored = await App.ReadAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE visit_assessments SET findings = {0}::jsonb WHERE visit_id = {1}", DocumentUnderOlderRules, visitId));
        stored.ShouldBe(1);

        var read = (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(visitId))).Ok().Findings;

        (read.PainNow, read.PainBest24Hours, read.PainWorst24Hours, read.Aggravating).ShouldBe((8, 2, 6, "Sitting"));
        read.RangeOfMotion.ShouldHaveSingleItem().ShouldBe(new RangeOfMotionInput(RangeOfMotionTest.ActiveStraightLegRaise, 200, 80));
        read.Strength.ShouldHaveSingleItem().ShouldBe(new StrengthInput(MuscleGroup.Core, BodySide.Left, 3));
        read.MuscleGuardingObserved.ShouldBe(true);
        read.RedFlags.ShouldBe([RedFlag.NightPain]);
    }

    [Fact]
    public async Task New_input_is_still_held_to_todays_rules()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();

        var refused = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(
            visitId, null, new FindingsInput { PainNow = 8, PainBest24Hours = 2, PainWorst24Hours = 6 }));

        refused.IsSuccess.ShouldBeFalse();
        (await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters().CountAsync(a => a.VisitId == visitId))).ShouldBe(0);
    }
}
