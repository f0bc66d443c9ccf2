using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// Everything the safety rules read, as it stands at the moment treatment is prescribed or performed.
/// </summary>
/// <param name="History">The patient's medical-history flags now.</param>
/// <param name="RedFlags">The red flags open at the visit (or at the plan's latest visit).</param>
/// <param name="TreatmentArea">What the visit found at the area to be treated.</param>
/// <param name="HasActiveDryNeedlingConsent">A dry-needling consent given and not withdrawn.</param>
/// <param name="PerformerHoldsDryNeedlingCredential">Whether the therapist who performs it holds a
/// current dry-needling credential on the clinic's date; null when nobody performs it yet (a plan
/// prescribes, and whoever needles is checked at the visit).</param>
public sealed record SafetyContext(
    MedicalHistory History,
    IReadOnlySet<RedFlag> RedFlags,
    TreatmentAreaFindings TreatmentArea,
    bool HasActiveDryNeedlingConsent,
    bool? PerformerHoldsDryNeedlingCredential);

/// <summary>
/// One contraindication's rule: when it applies, and what the therapist is told, completing
/// "Dry needling is blocked: …".
/// </summary>
public sealed record SafetyRule(Contraindication Code, string When, string Finding, Func<SafetyContext, bool> Applies);

/// <summary>A contraindication that applies now to an intervention, and what the therapist is told.</summary>
public sealed record SafetyConcern(Contraindication Code, ContraindicationSeverity Severity, string Message)
{
    public bool Blocks => Severity == ContraindicationSeverity.Absolute;
}

/// <summary>The answer of <see cref="SafetyRules.Check"/>: the contraindications that apply, the blocking ones first.</summary>
public sealed record SafetyVerdict(IReadOnlyList<SafetyConcern> Concerns)
{
    public const int JustificationMaxLength = 2000;

    public static SafetyVerdict Safe { get; } = new([]);

    public bool IsBlocked => Concerns.Any(c => c.Blocks);

    public bool NeedsJustification => !IsBlocked && Concerns.Count > 0;

    public IEnumerable<SafetyConcern> Blocking => Concerns.Where(c => c.Blocks);

    public IEnumerable<SafetyConcern> Cautions => Concerns.Where(c => !c.Blocks);

    /// <summary>
    /// Refuses a blocked intervention, and a relative contraindication without a written clinical
    /// justification; returns the justification to store with the prescription (null when none is needed).
    /// </summary>
    public string? EnsureMayProceed(string? justification)
    {
        if (Blocking.FirstOrDefault() is { } block)
        {
            throw new DomainException(block.Message);
        }

        if (Concerns.Count == 0)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(justification)
            ? throw new DomainException(Concerns[0].Message)
            : Guard.Required(justification, "The clinical justification", JustificationMaxLength);
    }
}

/// <summary>
/// When an intervention must not be given, or needs a written reason: one rule per coded
/// contraindication, in one table a clinic can read. An intervention's catalog entry lists which
/// contraindications apply to it and whether each blocks (absolute) or asks for a justification
/// (relative); the rule here decides whether it applies to this patient now.
/// </summary>
public static class SafetyRules
{
    public static IReadOnlyList<SafetyRule> All { get; } =
    [
        new(Contraindication.Anticoagulants, "the patient's history says anticoagulant use",
            "the patient takes anticoagulants", c => c.History.AnticoagulantUse),
        new(Contraindication.BleedingDisorder, "the patient's history says a bleeding disorder",
            "the patient has a bleeding disorder", c => c.History.BleedingDisorder),
        new(Contraindication.NeedlePhobia, "the patient's history says needle phobia",
            "the patient has a needle phobia", c => c.History.NeedlePhobia),
        new(Contraindication.Lymphoedema, "the patient's history says lymphoedema",
            "the patient has lymphoedema in the limb", c => c.History.Lymphoedema),
        new(Contraindication.LocalInfection, "the visit found an infection at the treatment area",
            "there is an infection at the treatment area", c => c.TreatmentArea.LocalInfection),
        new(Contraindication.BrokenSkin, "the visit found broken skin at the treatment area",
            "the skin at the treatment area is broken", c => c.TreatmentArea.BrokenSkin),
        new(Contraindication.AcuteInflammation, "the visit found acute inflammation at the treatment area",
            "the treatment area is acutely inflamed", c => c.TreatmentArea.AcuteInflammation),
        new(Contraindication.ImpairedSensation, "the patient's history says impaired sensation",
            "the patient has impaired sensation", c => c.History.ImpairedSensation),
        new(Contraindication.Raynauds, "the patient's history says Raynaud's",
            "the patient has Raynaud's", c => c.History.Raynauds),
        new(Contraindication.SuspectedDeepVeinThrombosis, "a warm, swollen calf is an open red flag",
            "a deep-vein thrombosis is suspected (warm, swollen calf): refer the patient", c => c.RedFlags.Contains(RedFlag.CalfSwellingWithWarmth)),
        new(Contraindication.Pregnancy, "the patient's history says pregnancy",
            "the patient is pregnant", c => c.History.Pregnancy),
        new(Contraindication.NoDryNeedlingConsent, "no dry-needling consent is active",
            "the patient has no active dry-needling consent", c => !c.HasActiveDryNeedlingConsent),
        new(Contraindication.NoDryNeedlingCredential, "the performing therapist holds no current dry-needling credential",
            "the therapist holds no current dry-needling credential", c => c.PerformerHoldsDryNeedlingCredential == false),
    ];

    public static SafetyRule For(Contraindication code) => All.Single(r => r.Code == code);

    /// <summary>The contraindications of <paramref name="intervention"/> that apply in <paramref name="context"/>.</summary>
    public static SafetyVerdict Check(InterventionDefinition intervention, SafetyContext context)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        ArgumentNullException.ThrowIfNull(context);
        var concerns = intervention.Contraindications
            .Select(c => (c.Severity, Rule: For(c.Code)))
            .Where(c => c.Rule.Applies(context))
            .OrderBy(c => c.Severity)
            .Select(c => new SafetyConcern(c.Rule.Code, c.Severity, Message(intervention, c.Severity, c.Rule)))
            .ToList();
        return concerns.Count == 0 ? SafetyVerdict.Safe : new SafetyVerdict(concerns);
    }

    private static string Message(InterventionDefinition intervention, ContraindicationSeverity severity, SafetyRule rule) =>
        severity == ContraindicationSeverity.Absolute
            ? $"{intervention.Name} is blocked: {rule.Finding}."
            : $"{intervention.Name} needs a written clinical justification: {rule.Finding}.";
}
