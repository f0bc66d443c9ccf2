using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Treatment;

namespace PtClinic.Domain.Plans;

/// <summary>A root cause the therapist confirmed, with the evidence it was confirmed on ("gluteus maximus 4/5 left").</summary>
public sealed record ConfirmedCause(RootCause Cause, IReadOnlyList<string> Evidence);

/// <summary>An active knot charted at the episode's latest visit, with its muscle's name.</summary>
public sealed record ChartedKnot(string MuscleCode, string MuscleName, BodySide Side, MuscleZone Zone);

/// <summary>A knot site flagged by the knot rules, with why ("came back 21 days after resolving").</summary>
public sealed record FlaggedKnot(string MuscleCode, string MuscleName, BodySide Side, MuscleZone Zone, IReadOnlyList<string> Reasons);

/// <summary>One prescription the rules propose, and which cause or knot it answers.</summary>
/// <param name="Key">Stable for this cause or knot and intervention: a draft remembers the keys it accepted or dropped.</param>
public sealed record PlanSuggestion(string Key, string InterventionCode, PlanSetting Setting, string Answers);

/// <summary>What a rule of <see cref="PlanSuggestionRules"/> prescribes: an intervention and where it is done.</summary>
public sealed record SuggestedItem(string InterventionCode, PlanSetting Setting);

/// <summary>One rule: the cause it answers (null: an active knot) and what it prescribes.</summary>
public sealed record PlanSuggestionRule(RootCause? Cause, string When, IReadOnlyList<SuggestedItem> Prescribe);

/// <summary>
/// What a plan of care is built from: each confirmed root cause and each active knot suggests the
/// treatments that answer it, in one table a clinic can read. Suggestions are only proposals: the
/// therapist accepts (perhaps edited) or drops each, and the safety rules still decide whether it
/// may be prescribed at all.
/// </summary>
public static class PlanSuggestionRules
{
    private static SuggestedItem Clinic(string code) => new(code, PlanSetting.InClinic);

    private static SuggestedItem Home(string code) => new(code, PlanSetting.Home);

    public static IReadOnlyList<PlanSuggestionRule> All { get; } =
    [
        new(RootCause.Weakness, "weakness confirmed", [
            Home(InterventionCatalog.GluteBridge), Home(InterventionCatalog.DonkeyKick), Home(InterventionCatalog.ReversePlank)]),
        new(RootCause.ReducedFlexibility, "reduced flexibility confirmed", [
            Home(InterventionCatalog.HamstringStretchSupineStrap), Home(InterventionCatalog.HamstringStretchSeated)]),
        new(RootCause.Overexertion, "overexertion confirmed", [
            Home(InterventionCatalog.Rest), Home(InterventionCatalog.LoadManagement), Clinic(InterventionCatalog.EducationWarmUp)]),
        new(RootCause.SedentaryLifestyle, "sedentary lifestyle confirmed", [
            Home(InterventionCatalog.MovementBreaks), Home(InterventionCatalog.AerobicExercise)]),
        new(RootCause.PoorPosture, "poor posture confirmed", [
            Home(InterventionCatalog.PostureCorrection), Clinic(InterventionCatalog.EducationPosture)]),
        new(RootCause.MuscleGuarding, "muscle guarding confirmed", [
            Clinic(InterventionCatalog.HeatTherapy), Clinic(InterventionCatalog.SwedishMassage), Home(InterventionCatalog.SelfMassage)]),
        new(null, "an active knot at the latest visit", [
            Clinic(InterventionCatalog.TriggerPointRelease), Home(InterventionCatalog.BallTriggerPointRelease)]),
    ];

    /// <summary>
    /// A knot that keeps coming back or will not improve (<c>KnotRules</c>) calls for more than
    /// release: a structured program of strengthening and stretching, and dry needling, which the
    /// safety rules still allow or block for the patient. (The doctor's referral it may also call for
    /// is answered on the note, not prescribed.)
    /// </summary>
    public static PlanSuggestionRule FlaggedKnotRule { get; } = new(null, "a knot flagged for coming back or not improving", [
        Clinic(InterventionCatalog.DryNeedling), Home(InterventionCatalog.GluteBridge), Home(InterventionCatalog.HamstringStretchSupineStrap)]);

    /// <summary>
    /// Every suggestion for these causes and knots, causes first in the table's order, then the
    /// flagged knots, without the ones already <paramref name="settled"/> (accepted or dropped on this draft).
    /// </summary>
    public static IReadOnlyList<PlanSuggestion> Suggest(
        IEnumerable<ConfirmedCause> causes, IEnumerable<ChartedKnot> activeKnots, IEnumerable<string>? settled = null, IEnumerable<FlaggedKnot>? flaggedKnots = null)
    {
        ArgumentNullException.ThrowIfNull(causes);
        ArgumentNullException.ThrowIfNull(activeKnots);
        var skip = new HashSet<string>(settled ?? [], StringComparer.Ordinal);
        var confirmed = causes.ToDictionary(c => c.Cause);
        var suggestions = new List<PlanSuggestion>();
        foreach (var rule in All)
        {
            if (rule.Cause is { } cause)
            {
                if (confirmed.TryGetValue(cause, out var found))
                {
                    suggestions.AddRange(rule.Prescribe.Select(item => new PlanSuggestion(
                        Key(item, $"cause:{cause}"), item.InterventionCode, item.Setting, Answers(found))));
                }

                continue;
            }

            foreach (var knot in activeKnots.DistinctBy(k => (k.MuscleCode, k.Side, k.Zone)))
            {
                suggestions.AddRange(rule.Prescribe.Select(item => new PlanSuggestion(
                    Key(item, $"knot:{knot.MuscleCode}:{knot.Side}:{knot.Zone}"), item.InterventionCode, item.Setting, Answers(knot))));
            }
        }

        foreach (var knot in (flaggedKnots ?? []).DistinctBy(k => (k.MuscleCode, k.Side, k.Zone)))
        {
            suggestions.AddRange(FlaggedKnotRule.Prescribe.Select(item => new PlanSuggestion(
                Key(item, $"flagged-knot:{knot.MuscleCode}:{knot.Side}:{knot.Zone}"), item.InterventionCode, item.Setting, Answers(knot))));
        }

        return [.. suggestions.Where(s => !skip.Contains(s.Key))];
    }

    /// <summary>"flagged knot, biceps femoris long head, left, middle third — came back 21 days after resolving"</summary>
    public static string Answers(FlaggedKnot knot)
    {
        ArgumentNullException.ThrowIfNull(knot);
        var site = Answers(new ChartedKnot(knot.MuscleCode, knot.MuscleName, knot.Side, knot.Zone))["active knot, ".Length..];
        return knot.Reasons.Count == 0 ? $"flagged knot, {site}" : $"flagged knot, {site} — {string.Join("; ", knot.Reasons)}";
    }

    /// <summary>"weakness — gluteus maximus 4/5 left"</summary>
    public static string Answers(ConfirmedCause cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var name = Describe(cause.Cause);
        return cause.Evidence.Count == 0 ? name : $"{name} — {string.Join("; ", cause.Evidence)}";
    }

    /// <summary>"active knot, biceps femoris long head, left, middle third"</summary>
    public static string Answers(ChartedKnot knot)
    {
        ArgumentNullException.ThrowIfNull(knot);
        var side = knot.Side switch
        {
            BodySide.Left => "left, ",
            BodySide.Right => "right, ",
            BodySide.Bilateral => "both sides, ",
            _ => string.Empty,
        };
        var zone = knot.Zone switch
        {
            MuscleZone.ProximalThird => "upper third",
            MuscleZone.MiddleThird => "middle third",
            _ => "lower third",
        };
        var muscle = knot.MuscleName.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        return $"active knot, {muscle.ToLowerInvariant()}, {side}{zone}";
    }

    public static string Describe(RootCause cause) => cause switch
    {
        RootCause.SedentaryLifestyle => "sedentary lifestyle",
        RootCause.Overexertion => "overexertion",
        RootCause.PoorPosture => "poor posture",
        RootCause.MuscleGuarding => "muscle guarding",
        RootCause.Weakness => "weakness",
        RootCause.ReducedFlexibility => "reduced flexibility",
        _ => cause.ToString(),
    };

    private static string Key(SuggestedItem item, string source) => $"{item.InterventionCode}|{item.Setting}|{source}";
}
