using System.Globalization;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Domain.Reasoning;

/// <summary>
/// One reason to refer: a stable <see cref="Code"/> that answers are matched by, and the sentence
/// the therapist reads, which may be reworded or carry the latest scores without un-answering it.
/// </summary>
public sealed record ReferralReason(string Code, string Text);

/// <summary>A recommendation to refer the patient to a doctor, with every reason that raised it.</summary>
public sealed record ReferralRecommendation(IReadOnlyList<ReferralReason> Reasons);

/// <summary>When the therapist should be told to refer the patient to a doctor.</summary>
public static class ReferralRules
{
    /// <summary>Pain has not improved by the NPRS MCID over <see cref="VisitsToExpectImprovement"/> visits or more.</summary>
    public const string NoImprovementCode = "no-improvement";

    /// <summary>Visits after which pain that has not improved by the MCID calls for a doctor.</summary>
    public const int VisitsToExpectImprovement = 6;

    public const int MinNprs = 0;
    public const int MaxNprs = 10;

    /// <summary>The NPRS minimal clinically important difference, as the outcome measures define it.</summary>
    public static decimal NprsMcid => OutcomeMeasureDefinition.For(OutcomeMeasure.Nprs).Mcid;

    /// <param name="findings">The latest assessment's findings (red flags are read).</param>
    /// <param name="nprsByVisit">The NPRS recorded at each visit of the episode, first visit first.</param>
    /// <returns>A recommendation, or null when nothing calls for a referral.</returns>
    public static ReferralRecommendation? Evaluate(Findings findings, IReadOnlyList<int> nprsByVisit)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(nprsByVisit);

        if (nprsByVisit.Any(score => score is < MinNprs or > MaxNprs))
        {
            throw new DomainException($"An NPRS score must be between {MinNprs} and {MaxNprs}.");
        }

        var reasons = findings.RedFlags.Order().Select(flag => new ReferralReason(CodeOf(flag), $"red flag: {Describe(flag)}")).ToList();

        if (nprsByVisit.Count >= VisitsToExpectImprovement && nprsByVisit[0] - nprsByVisit[^1] < NprsMcid)
        {
            reasons.Add(new ReferralReason(NoImprovementCode, string.Create(
                CultureInfo.InvariantCulture,
                $"pain has not improved by {NprsMcid} points (NPRS MCID) after {nprsByVisit.Count} visits: {nprsByVisit[0]} → {nprsByVisit[^1]}")));
        }

        return reasons.Count == 0 ? null : new ReferralRecommendation(reasons);
    }

    /// <summary>
    /// Written out, never derived from the enum's names: stored answers carry these codes, so
    /// renaming a member must not change its code.
    /// </summary>
    public static string CodeOf(RedFlag flag) => flag switch
    {
        RedFlag.Numbness => "red-flag:numbness",
        RedFlag.Weakness => "red-flag:weakness",
        RedFlag.NightPain => "red-flag:night-pain",
        RedFlag.Fever => "red-flag:fever",
        RedFlag.UnexplainedWeightLoss => "red-flag:unexplained-weight-loss",
        RedFlag.BladderOrBowelChange => "red-flag:bladder-or-bowel-change",
        RedFlag.CalfSwellingWithWarmth => "red-flag:calf-swelling-with-warmth",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "A red flag without a code."),
    };

    private static string Describe(RedFlag flag) => flag switch
    {
        RedFlag.Numbness => "numbness",
        RedFlag.Weakness => "weakness",
        RedFlag.NightPain => "night pain",
        RedFlag.Fever => "fever",
        RedFlag.UnexplainedWeightLoss => "unexplained weight loss",
        RedFlag.BladderOrBowelChange => "bladder or bowel change",
        RedFlag.CalfSwellingWithWarmth => "calf swelling with warmth (possible deep-vein thrombosis)",
        _ => flag.ToString(),
    };
}
