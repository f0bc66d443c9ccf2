using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;

namespace PtClinic.Domain.Reasoning;

/// <summary>A recommendation to refer the patient to a doctor, with every reason that raised it.</summary>
public sealed record ReferralRecommendation(IReadOnlyList<string> Reasons);

/// <summary>When the therapist should be told to refer the patient to a doctor.</summary>
public static class ReferralRules
{
    /// <summary>
    /// The NPRS minimal clinically important difference (2 points on 0–10). The Outcomes area will
    /// own the MCIDs; this copy keeps Reasoning from depending on it until it is finished.
    /// </summary>
    public const int NprsMcid = 2;

    /// <summary>Visits after which pain that has not improved by the MCID calls for a doctor.</summary>
    public const int VisitsToExpectImprovement = 6;

    public const int MinNprs = 0;
    public const int MaxNprs = 10;

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

        var reasons = findings.RedFlags.Order().Select(flag => $"red flag: {Describe(flag)}").ToList();

        if (nprsByVisit.Count >= VisitsToExpectImprovement && nprsByVisit[0] - nprsByVisit[^1] < NprsMcid)
        {
            reasons.Add(
                $"pain has not improved by {NprsMcid} points (NPRS MCID) after {nprsByVisit.Count} visits: " +
                $"{nprsByVisit[0]} → {nprsByVisit[^1]}");
        }

        return reasons.Count == 0 ? null : new ReferralRecommendation(reasons);
    }

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
