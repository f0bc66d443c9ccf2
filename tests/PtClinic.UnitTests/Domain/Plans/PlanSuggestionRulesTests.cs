using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Treatment;
using static PtClinic.Domain.Treatment.InterventionCatalog;

namespace PtClinic.UnitTests.Domain.Plans;

public sealed class PlanSuggestionRulesTests
{
    private static readonly ChartedKnot Knot = new("biceps-femoris-long-head", "Biceps femoris (long head)", BodySide.Left, MuscleZone.MiddleThird);

    public static TheoryData<RootCause, string[]> CauseCases => new()
    {
        { RootCause.Weakness, [GluteBridge, DonkeyKick, ReversePlank] },
        { RootCause.ReducedFlexibility, [HamstringStretchSupineStrap, HamstringStretchSeated] },
        { RootCause.Overexertion, [Rest, LoadManagement, EducationWarmUp] },
        { RootCause.SedentaryLifestyle, [MovementBreaks, AerobicExercise] },
        { RootCause.PoorPosture, [PostureCorrection, EducationPosture] },
        { RootCause.MuscleGuarding, [HeatTherapy, SwedishMassage, SelfMassage] },
    };

    [Theory]
    [MemberData(nameof(CauseCases))]
    public void Each_confirmed_cause_suggests_the_treatments_that_answer_it_and_says_so(RootCause cause, string[] codes)
    {
        var suggestions = PlanSuggestionRules.Suggest([new ConfirmedCause(cause, ["the evidence"])], []);

        suggestions.Select(s => s.InterventionCode).ShouldBe(codes);
        suggestions.ShouldAllBe(s => s.Answers == PlanSuggestionRules.Describe(cause) + " — the evidence");
    }

    [Fact]
    public void An_active_knot_suggests_trigger_point_release_in_the_clinic_and_ball_release_at_home()
    {
        var suggestions = PlanSuggestionRules.Suggest([], [Knot]);

        suggestions.Select(s => (s.InterventionCode, s.Setting)).ShouldBe([
            (TriggerPointRelease, PlanSetting.InClinic), (BallTriggerPointRelease, PlanSetting.Home)]);
        suggestions.ShouldAllBe(s => s.Answers == "active knot, biceps femoris long head, left, middle third");
    }

    [Fact]
    public void A_flagged_knot_suggests_dry_needling_and_a_structured_program_and_says_why()
    {
        var flagged = new FlaggedKnot(Knot.MuscleCode, Knot.MuscleName, Knot.Side, Knot.Zone, ["came back 21 days after resolving"]);

        var suggestions = PlanSuggestionRules.Suggest([], [Knot], flaggedKnots: [flagged]);

        suggestions.Select(s => (s.InterventionCode, s.Setting)).ShouldBe([
            (TriggerPointRelease, PlanSetting.InClinic), (BallTriggerPointRelease, PlanSetting.Home),
            (DryNeedling, PlanSetting.InClinic), (GluteBridge, PlanSetting.Home), (HamstringStretchSupineStrap, PlanSetting.Home)]);
        suggestions.Skip(2).ShouldAllBe(s => s.Answers == "flagged knot, biceps femoris long head, left, middle third — came back 21 days after resolving");
        suggestions.Select(s => s.Key).ShouldBeUnique();
    }

    [Fact]
    public void A_weakness_suggestion_names_the_muscle_test_that_confirmed_it()
    {
        var suggestion = PlanSuggestionRules.Suggest([new ConfirmedCause(RootCause.Weakness, ["gluteus maximus 4/5 left"])], [])[0];

        suggestion.Answers.ShouldBe("weakness — gluteus maximus 4/5 left");
    }

    [Fact]
    public void Nothing_is_suggested_without_a_confirmed_cause_or_an_active_knot()
    {
        PlanSuggestionRules.Suggest([], []).ShouldBeEmpty();
    }

    [Fact]
    public void A_suggestion_accepted_or_dropped_is_not_suggested_again_and_each_knot_has_its_own()
    {
        var other = Knot with { Side = BodySide.Right };
        var all = PlanSuggestionRules.Suggest([], [Knot, other]);

        var rest = PlanSuggestionRules.Suggest([], [Knot, other], [all[0].Key]);

        all.Select(s => s.Key).Distinct().Count().ShouldBe(4);
        rest.Select(s => s.Key).ShouldBe(all.Skip(1).Select(s => s.Key));
    }

    [Fact]
    public void Every_suggested_intervention_is_in_the_catalog_and_may_be_given_where_it_is_suggested()
    {
        foreach (var item in PlanSuggestionRules.All.SelectMany(r => r.Prescribe))
        {
            var intervention = Find(item.InterventionCode).ShouldNotBeNull(item.InterventionCode);
            (item.Setting == PlanSetting.Home ? intervention.IsHomeItem : intervention.IsClinicItem).ShouldBeTrue(item.InterventionCode);
        }
    }
}
