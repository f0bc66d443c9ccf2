using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;

namespace PtClinic.UnitTests.Domain.Reasoning;

public sealed class ReferralRulesTests
{
    [Theory]
    [InlineData(RedFlag.Numbness, "red-flag:numbness", "red flag: numbness")]
    [InlineData(RedFlag.Weakness, "red-flag:weakness", "red flag: weakness")]
    [InlineData(RedFlag.NightPain, "red-flag:night-pain", "red flag: night pain")]
    [InlineData(RedFlag.Fever, "red-flag:fever", "red flag: fever")]
    [InlineData(RedFlag.UnexplainedWeightLoss, "red-flag:unexplained-weight-loss", "red flag: unexplained weight loss")]
    [InlineData(RedFlag.BladderOrBowelChange, "red-flag:bladder-or-bowel-change", "red flag: bladder or bowel change")]
    [InlineData(RedFlag.CalfSwellingWithWarmth, "red-flag:calf-swelling-with-warmth", "red flag: calf swelling with warmth (possible deep-vein thrombosis)")]
    public void Each_red_flag_raises_a_referral_naming_it_with_a_stable_code(RedFlag flag, string code, string reason)
    {
        var referral = ReferralRules.Evaluate(WithRedFlags(flag), []);

        referral.ShouldNotBeNull().Reasons.ShouldBe([new ReferralReason(code, reason)]);
    }

    [Fact]
    public void Every_red_flag_is_covered_by_the_table_above()
    {
        var all = Enum.GetValues<RedFlag>();

        var referral = ReferralRules.Evaluate(WithRedFlags(all), []);

        referral.ShouldNotBeNull().Reasons.Count.ShouldBe(all.Length);
        referral.Reasons.ShouldAllBe(r => r.Text.StartsWith("red flag: ") && !r.Text.Any(char.IsUpper));
        referral.Reasons.Select(r => r.Code).Distinct().Count().ShouldBe(all.Length);
        referral.Reasons.ShouldAllBe(r => r.Code.StartsWith("red-flag:"));
    }

    [Theory]
    [InlineData(new[] { 7, 7, 7, 7, 6, 6 }, "pain has not improved by 2 points (NPRS MCID) after 6 visits: 7 → 6")]
    [InlineData(new[] { 5, 6, 7, 8, 8, 8 }, "pain has not improved by 2 points (NPRS MCID) after 6 visits: 5 → 8")]
    [InlineData(new[] { 8, 4, 5, 6, 7, 7, 7 }, "pain has not improved by 2 points (NPRS MCID) after 7 visits: 8 → 7")]
    public void Pain_not_improved_by_the_MCID_after_6_visits_raises_a_referral(int[] nprsByVisit, string reason)
    {
        var referral = ReferralRules.Evaluate(Findings.None, nprsByVisit);

        referral.ShouldNotBeNull().Reasons.ShouldBe([new ReferralReason(ReferralRules.NoImprovementCode, reason)]);
    }

    [Fact]
    public void The_referral_rule_uses_the_NPRS_MCID_of_the_outcome_measures()
    {
        ReferralRules.NprsMcid.ShouldBe(OutcomeMeasureDefinition.For(OutcomeMeasure.Nprs).Mcid);
    }

    [Theory]
    [InlineData(new[] { 7, 7, 7, 7, 7 })]
    [InlineData(new[] { 7, 7, 7, 7, 6, 5 })]
    [InlineData(new[] { 7, 6, 5, 4, 3, 2 })]
    [InlineData(new int[0])]
    public void Pain_improving_by_the_MCID_or_too_few_visits_raises_no_referral(int[] nprsByVisit)
    {
        ReferralRules.Evaluate(Findings.None, nprsByVisit).ShouldBeNull();
    }

    [Fact]
    public void Red_flags_and_unimproved_pain_are_all_given_as_reasons()
    {
        var referral = ReferralRules.Evaluate(WithRedFlags(RedFlag.NightPain, RedFlag.Fever), [6, 6, 6, 6, 6, 6]);

        referral.ShouldNotBeNull().Reasons.ShouldBe(
        [
            new ReferralReason("red-flag:night-pain", "red flag: night pain"),
            new ReferralReason("red-flag:fever", "red flag: fever"),
            new ReferralReason("no-improvement", "pain has not improved by 2 points (NPRS MCID) after 6 visits: 6 → 6"),
        ]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void An_NPRS_outside_0_to_10_is_refused(int nprs)
    {
        Should.Throw<DomainException>(() => ReferralRules.Evaluate(Findings.None, [5, nprs]))
            .Message.ShouldBe("An NPRS score must be between 0 and 10.");
    }

    private static Findings WithRedFlags(params RedFlag[] flags) =>
        Findings.None with { RedFlags = new HashSet<RedFlag>(flags) };
}
