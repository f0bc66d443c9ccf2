using PtClinic.Domain.Assessment;

namespace PtClinic.Domain.Reasoning;

/// <summary>
/// Proposes root causes from an assessment's findings by applying <see cref="RootCauseRules"/>.
/// It only suggests: the therapist confirms or rejects each hypothesis (<see cref="HypothesisDecision"/>).
/// </summary>
public static class RootCauseEngine
{
    /// <summary>
    /// Causes with at least one piece of evidence, highest score first; equal scores keep the
    /// <see cref="RootCause"/> order.
    /// </summary>
    public static IReadOnlyList<CauseHypothesis> Propose(Findings findings) => Propose(findings, RootCauseRules.All);

    /// <summary>The same, with a clinic's own rule table.</summary>
    public static IReadOnlyList<CauseHypothesis> Propose(Findings findings, IReadOnlyList<RootCauseRule> rules)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rules);

        return rules
            .Select(rule => (rule.Cause, rule.Weight, Evidence: rule.Evidence(findings).ToList()))
            .Where(fired => fired.Evidence.Count > 0)
            .GroupBy(fired => fired.Cause)
            .Select(cause => new CauseHypothesis(
                cause.Key,
                cause.Sum(fired => fired.Weight),
                [.. cause.SelectMany(fired => fired.Evidence).Distinct()]))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Cause)
            .ToList();
    }
}
