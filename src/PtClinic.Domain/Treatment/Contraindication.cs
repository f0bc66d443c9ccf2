namespace PtClinic.Domain.Treatment;

/// <summary>
/// The coded reasons an intervention may be unsafe for a patient today. Each is decided by one rule
/// of <see cref="SafetyRules"/> from the patient's flags, the visit's findings, the consents and the
/// performing therapist's credentials; an intervention lists the ones that apply to it, and how much.
/// </summary>
public enum Contraindication
{
    Anticoagulants,
    BleedingDisorder,
    NeedlePhobia,
    Lymphoedema,
    LocalInfection,
    NoDryNeedlingConsent,
    NoDryNeedlingCredential,
    AcuteInflammation,
    ImpairedSensation,
    Raynauds,
    SuspectedDeepVeinThrombosis,
    BrokenSkin,
    Pregnancy,
}

public enum ContraindicationSeverity
{
    /// <summary>Never while it applies: the prescription or the treatment is refused.</summary>
    Absolute,

    /// <summary>Only with a written clinical justification, stored with the prescription.</summary>
    Relative,
}

/// <summary>One contraindication of an intervention, and whether it blocks or asks for a justification.</summary>
public sealed record InterventionContraindication(Contraindication Code, ContraindicationSeverity Severity)
{
    public static InterventionContraindication Absolute(Contraindication code) => new(code, ContraindicationSeverity.Absolute);

    public static InterventionContraindication Relative(Contraindication code) => new(code, ContraindicationSeverity.Relative);
}
