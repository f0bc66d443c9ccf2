using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;

namespace PtClinic.UnitTests.Domain.Reasoning;

public sealed class RootCauseEngineTests
{
    /// <summary>
    /// Every rule at its threshold (proposed, with the evidence shown) and just short of it (not proposed).
    /// A null evidence means the cause must not be proposed.
    /// </summary>
    private static readonly Dictionary<string, (RootCause Cause, Findings Findings, string? Evidence)> RuleCases = new()
    {
        ["sitting 8 h/day"] = (RootCause.SedentaryLifestyle, Lifestyle(hoursSitting: 8), "sits 8 h/day"),
        ["sitting 8.5 h/day"] = (RootCause.SedentaryLifestyle, Lifestyle(hoursSitting: 8.5m), "sits 8.5 h/day"),
        ["sitting 7.9 h/day"] = (RootCause.SedentaryLifestyle, Lifestyle(hoursSitting: 7.9m), null),
        ["active 2 days a week"] = (RootCause.SedentaryLifestyle, Lifestyle(activeDays: 2), "active 2 days/week"),
        ["active 1 day a week"] = (RootCause.SedentaryLifestyle, Lifestyle(activeDays: 1), "active 1 day/week"),
        ["active 3 days a week"] = (RootCause.SedentaryLifestyle, Lifestyle(activeDays: 3), null),
        ["training load +30 %"] = (RootCause.Overexertion, Lifestyle(loadChange: 30), "training load +30 % in 4 weeks"),
        ["training load +29 %"] = (RootCause.Overexertion, Lifestyle(loadChange: 29), null),
        ["training load -40 %"] = (RootCause.Overexertion, Lifestyle(loadChange: -40), null),
        ["no warm-up"] = (RootCause.Overexertion, Lifestyle(warmsUp: false), "no warm-up before exercise"),
        ["warms up"] = (RootCause.Overexertion, Lifestyle(warmsUp: true), null),
        ["warm-up not asked"] = (RootCause.Overexertion, Findings.None with { Lifestyle = new LifestyleFindings() }, null),
        ["anterior pelvic tilt"] = (RootCause.PoorPosture, Findings.None with { Posture = new HashSet<PostureObservation> { PostureObservation.AnteriorPelvicTilt } }, "anterior pelvic tilt"),
        ["slumped sitting"] = (RootCause.PoorPosture, Findings.None with { Posture = new HashSet<PostureObservation> { PostureObservation.SlumpedSitting } }, "slumped sitting"),
        ["no posture finding"] = (RootCause.PoorPosture, Findings.None with { Posture = new HashSet<PostureObservation>() }, null),
        ["guarding with a note"] = (RootCause.MuscleGuarding, Guarding(true, "on resisted knee flexion"), "muscle guarding observed: on resisted knee flexion"),
        ["guarding without a note"] = (RootCause.MuscleGuarding, Guarding(true), "muscle guarding observed"),
        ["no guarding"] = (RootCause.MuscleGuarding, Guarding(false, "checked"), null),
        ["hamstrings 4/5"] = (RootCause.Weakness, Strength(MuscleGroup.Hamstrings, BodySide.Left, 4), "hamstrings 4/5 left"),
        ["gluteus medius 2/5"] = (RootCause.Weakness, Strength(MuscleGroup.GluteusMedius, BodySide.Right, 2), "gluteus medius 2/5 right"),
        ["core 3/5"] = (RootCause.Weakness, Strength(MuscleGroup.Core, BodySide.NotApplicable, 3), "core 3/5"),
        ["hamstrings 5/5"] = (RootCause.Weakness, Strength(MuscleGroup.Hamstrings, BodySide.Left, 5), null),
        ["SLR 15° short on both sides"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.ActiveStraightLegRaise, 65, 65), "active SLR 65° left vs 65° right"),
        ["SLR 14° short on both sides"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.ActiveStraightLegRaise, 66, 66), null),
        ["SLR sides 15° apart, both normal"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.ActiveStraightLegRaise, 95, 80), "active SLR 95° left vs 80° right"),
        ["SLR sides 14° apart, both normal"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.ActiveStraightLegRaise, 94, 80), null),
        ["knee extension deficit 35°"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.PassiveKneeExtension, 35, 30), "passive knee extension deficit 35° left vs 30° right"),
        ["knee extension deficit 34°"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.PassiveKneeExtension, 34, 30), null),
        ["90-90 deficit 35°"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.NinetyNinety, 20, 35), "90-90 knee extension deficit 20° left vs 35° right"),
        ["90-90 deficit 34°"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.NinetyNinety, 20, 34), null),
        ["90-90 sides 15° apart within normal"] = (RootCause.ReducedFlexibility, Rom(RangeOfMotionTest.NinetyNinety, 0, 15), "90-90 knee extension deficit 0° left vs 15° right"),
    };

    public static TheoryData<string> RuleCaseNames => [.. RuleCases.Keys];

    public static TheoryData<RootCause> Causes => [.. Enum.GetValues<RootCause>()];

    [Theory]
    [MemberData(nameof(RuleCaseNames))]
    public void Each_rule_proposes_its_cause_from_its_threshold_and_not_below(string ruleCase)
    {
        var (cause, findings, evidence) = RuleCases[ruleCase];

        var hypothesis = RootCauseEngine.Propose(findings).SingleOrDefault(h => h.Cause == cause);

        if (evidence is null)
        {
            hypothesis.ShouldBeNull();
        }
        else
        {
            hypothesis.ShouldNotBeNull().Evidence.ShouldBe([evidence]);
            hypothesis.Score.ShouldBeGreaterThan(0);
        }
    }

    [Theory]
    [MemberData(nameof(Causes))]
    public void Every_cause_has_at_least_one_rule_a_clinic_can_read(RootCause cause)
    {
        var rules = RootCauseRules.All.Where(r => r.Cause == cause).ToList();

        rules.ShouldNotBeEmpty();
        rules.ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.When) && r.Weight > 0);
    }

    [Fact]
    public void No_findings_propose_no_cause()
    {
        RootCauseEngine.Propose(Findings.None).ShouldBeEmpty();
    }

    [Fact]
    public void The_issues_three_examples_read_as_a_therapist_would_write_them()
    {
        var findings = Findings.None with
        {
            Lifestyle = new LifestyleFindings(hoursSittingPerDay: 9, trainingLoadChangePercentOver4Weeks: 40),
            RangeOfMotion = [new RangeOfMotionFinding(RangeOfMotionTest.ActiveStraightLegRaise, 55, 80)],
        };

        var evidence = RootCauseEngine.Propose(findings).ToDictionary(h => h.Cause, h => h.Evidence);

        evidence[RootCause.SedentaryLifestyle].ShouldBe(["sits 9 h/day"]);
        evidence[RootCause.Overexertion].ShouldBe(["training load +40 % in 4 weeks"]);
        evidence[RootCause.ReducedFlexibility].ShouldBe(["active SLR 55° left vs 80° right"]);
    }

    [Fact]
    public void Hypotheses_are_ranked_by_score_with_ties_in_cause_order()
    {
        var findings = Findings.None with
        {
            // Overexertion 3 + 1, sedentary 3, guarding 3, posture 2, weakness 2; no flexibility finding.
            Lifestyle = new LifestyleFindings(hoursSittingPerDay: 9, trainingLoadChangePercentOver4Weeks: 40, warmsUpBeforeExercise: false),
            MuscleGuarding = new MuscleGuardingFinding(true),
            Posture = new HashSet<PostureObservation> { PostureObservation.IncreasedLordosis },
            Strength = [new StrengthFinding(MuscleGroup.GluteusMaximus, BodySide.Right, 4)],
        };

        var ranked = RootCauseEngine.Propose(findings);

        ranked.Select(h => (h.Cause, h.Score)).ShouldBe(
        [
            (RootCause.Overexertion, 4),
            (RootCause.SedentaryLifestyle, 3),
            (RootCause.MuscleGuarding, 3),
            (RootCause.PoorPosture, 2),
            (RootCause.Weakness, 2),
        ]);
    }

    [Fact]
    public void A_cause_scores_every_rule_that_fired_and_lists_all_its_evidence()
    {
        var findings = Findings.None with
        {
            Lifestyle = new LifestyleFindings(hoursSittingPerDay: 10, activeDaysPerWeek: 0),
            Strength =
            [
                new StrengthFinding(MuscleGroup.Quadriceps, BodySide.Left, 5),
                new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Right, 3),
                new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, 4),
            ],
        };

        var ranked = RootCauseEngine.Propose(findings);

        ranked[0].ShouldBe(new CauseHypothesis(RootCause.SedentaryLifestyle, 5, ranked[0].Evidence));
        ranked[0].Evidence.ShouldBe(["sits 10 h/day", "active 0 days/week"]);
        ranked[1].Cause.ShouldBe(RootCause.Weakness);
        ranked[1].Evidence.ShouldBe(["hamstrings 4/5 left", "hamstrings 3/5 right"]);
    }

    [Fact]
    public void A_flexibility_test_that_is_both_short_and_one_sided_is_shown_once_and_scores_both_rules()
    {
        var ranked = RootCauseEngine.Propose(Rom(RangeOfMotionTest.ActiveStraightLegRaise, 55, 80));

        var flexibility = ranked.ShouldHaveSingleItem();
        flexibility.Evidence.ShouldBe(["active SLR 55° left vs 80° right"]);
        flexibility.Score.ShouldBe(RootCauseRules.All.Where(r => r.Cause == RootCause.ReducedFlexibility).Sum(r => r.Weight));
    }

    [Fact]
    public void A_clinic_can_run_its_own_rule_table()
    {
        RootCauseRule[] rules =
        [
            new(RootCause.SedentaryLifestyle, "sits 6 h/day or more", 1,
                f => f.Lifestyle?.HoursSittingPerDay >= 6 ? ["sits a lot"] : []),
        ];

        var ranked = RootCauseEngine.Propose(Lifestyle(hoursSitting: 6), rules);

        ranked.ShouldBe([new CauseHypothesis(RootCause.SedentaryLifestyle, 1, ranked[0].Evidence)]);
        ranked[0].Evidence.ShouldBe(["sits a lot"]);
    }

    private static Findings Lifestyle(decimal? hoursSitting = null, int? activeDays = null, int? loadChange = null, bool? warmsUp = null) =>
        Findings.None with { Lifestyle = new LifestyleFindings(hoursSitting, activeDays, loadChange, warmsUp) };

    private static Findings Guarding(bool observed, string? note = null) =>
        Findings.None with { MuscleGuarding = new MuscleGuardingFinding(observed, note) };

    private static Findings Strength(MuscleGroup muscle, BodySide side, int grade) =>
        Findings.None with { Strength = [new StrengthFinding(muscle, side, grade)] };

    private static Findings Rom(RangeOfMotionTest test, int left, int right) =>
        Findings.None with { RangeOfMotion = [new RangeOfMotionFinding(test, left, right)] };
}
