using PtClinic.Domain.Assessment;
using PtClinic.Domain.Outcomes;
using PtClinic.UnitTests.Domain.Assessment;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class RecordedOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, OutcomeResponse> Questionnaires = new()
    {
        ["LEFS"] = LefsResponse.From([0, 1, 2, 3, 4, 4, 3, 2, 1, 0, 4, 4, 4, 4, 4, 2, 2, 2, 2, 1]),
        ["ODI, all answered"] = OdiResponse.From([0, 1, 2, 3, 4, 5, 0, 1, 2, 3]),
        ["ODI, one section blank"] = OdiResponse.From([2, 3, 1, 0, 4, null, 1, 2, 3, 1]),
        ["PSFS, 3 activities"] = PsfsResponse.From([new("Run 5 km", 3), new("Climb stairs", 7), new("Sit through a film", 5)]),
        ["PSFS, 5 activities"] = PsfsResponse.From([new("Run", 1), new("Kneel", 2), new("Squat", 2), new("Cycle", 0), new("Drive", 10)]),
    };

    public static TheoryData<string> QuestionnaireNames => [.. Questionnaires.Keys];

    [Theory]
    [MemberData(nameof(QuestionnaireNames))]
    public void A_recorded_questionnaire_keeps_the_score_it_was_answered_with(string questionnaire)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var response = Questionnaires[questionnaire];

        var outcome = assessment.RecordOutcome(response, therapist, Now.AddMinutes(3));

        outcome.ShouldSatisfyAllConditions(
            o => o.Measure.ShouldBe(response.Measure),
            o => o.Score.ShouldBe(response.Score),
            o => o.AssessmentId.ShouldBe(assessment.Id),
            o => o.ClinicId.ShouldBe(assessment.ClinicId),
            o => o.RecordedAt.ShouldBe(Now.AddMinutes(3)));
    }

    [Theory]
    [MemberData(nameof(QuestionnaireNames))]
    public void Stored_answers_turn_back_into_a_response_with_the_same_score(string questionnaire)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var response = Questionnaires[questionnaire];
        var outcome = assessment.RecordOutcome(response, therapist, Now);

        var restored = outcome.ToResponse();

        restored.Measure.ShouldBe(response.Measure);
        restored.Score.ShouldBe(outcome.Score);
        restored.DisplayScore.ShouldBe(response.DisplayScore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(10)]
    public void The_NPRS_from_the_pain_findings_turns_back_into_the_same_rating(int painNow)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: painNow) }, therapist, Now);
        var outcome = assessment.Outcomes.ShouldHaveSingleItem();

        var restored = outcome.ToResponse();

        outcome.Ratings.ShouldBe([painNow]);
        outcome.ActivityNames.ShouldBeEmpty();
        restored.ShouldBeOfType<NprsResponse>().Rating.ShouldBe(painNow);
        restored.Score.ShouldBe(painNow);
    }

    [Fact]
    public void LEFS_items_are_stored_in_questionnaire_order()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var lefs = (LefsResponse)Questionnaires["LEFS"];

        var outcome = assessment.RecordOutcome(lefs, therapist, Now);

        outcome.Ratings.ShouldBe(lefs.Items.Select(i => (int?)i));
        outcome.ActivityNames.ShouldBeEmpty();
        outcome.ToResponse().ShouldBeOfType<LefsResponse>().Items.ShouldBe(lefs.Items);
    }

    [Fact]
    public void An_ODI_section_left_blank_stays_blank_and_keeps_the_smaller_denominator()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var odi = (OdiResponse)Questionnaires["ODI, one section blank"];

        var outcome = assessment.RecordOutcome(odi, therapist, Now);

        outcome.Ratings.ShouldBe([2, 3, 1, 0, 4, null, 1, 2, 3, 1]);
        outcome.Score.ShouldBe(17m / 45 * 100);
        var restored = outcome.ToResponse().ShouldBeOfType<OdiResponse>();
        restored.Sections.ShouldBe(odi.Sections);
        restored.AnsweredSections.ShouldBe(9);
    }

    [Fact]
    public void PSFS_activities_are_stored_as_the_patient_named_and_rated_them()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var psfs = PsfsResponse.From([new("  Run 5 km ", 3), new("Climb stairs", 7), new("Sit through a film", 5)]);

        var outcome = assessment.RecordOutcome(psfs, therapist, Now);

        outcome.ActivityNames.ShouldBe(["Run 5 km", "Climb stairs", "Sit through a film"]);
        outcome.Ratings.ShouldBe([3, 7, 5]);
        outcome.ToResponse().ShouldBeOfType<PsfsResponse>().Activities.ShouldBe(psfs.Activities);
    }
}
