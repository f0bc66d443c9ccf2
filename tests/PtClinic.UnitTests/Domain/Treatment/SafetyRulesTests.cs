using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Treatment;
using static PtClinic.Domain.Treatment.InterventionCatalog;

namespace PtClinic.UnitTests.Domain.Treatment;

/// <summary>
/// Every contraindication the product knows, one flag at a time against the whole catalog: which
/// interventions it blocks and which need a justification is written out here by hand, so a
/// contraindication that goes missing from an entry, or turns up on one it does not belong to,
/// fails a test.
/// </summary>
public sealed class SafetyRulesTests
{
    /// <summary>A patient nothing rules out: consented to dry needling, needled by a credentialled therapist.</summary>
    private static readonly SafetyContext Clear = new(
        MedicalHistory.None, new HashSet<RedFlag>(), TreatmentAreaFindings.None,
        HasActiveDryNeedlingConsent: true, PerformerHoldsDryNeedlingCredential: true);

    private static readonly string[] PressureOrNeedle =
        [SelfMassage, SwedishMassage, DeepTissueMassage, SportsMassage, TriggerPointRelease, BallTriggerPointRelease, DryNeedling];

    private static readonly string[] Bleeding = [DeepTissueMassage, TriggerPointRelease, BallTriggerPointRelease];

    public static TheoryData<string> Situations() => new(Cases.Keys);

    private static readonly Dictionary<string, (SafetyContext Context, string[] Blocked, string[] Justify)> Cases = new()
    {
        ["anticoagulants"] = (Clear with { History = MedicalHistory.None with { AnticoagulantUse = true } }, [DryNeedling], Bleeding),
        ["bleeding disorder"] = (Clear with { History = MedicalHistory.None with { BleedingDisorder = true } }, [DryNeedling], Bleeding),
        ["needle phobia"] = (Clear with { History = MedicalHistory.None with { NeedlePhobia = true } }, [DryNeedling], []),
        ["lymphoedema"] = (Clear with { History = MedicalHistory.None with { Lymphoedema = true } }, [DryNeedling], []),
        ["no dry-needling consent"] = (Clear with { HasActiveDryNeedlingConsent = false }, [DryNeedling], []),
        ["expired dry-needling credential"] = (Clear with { PerformerHoldsDryNeedlingCredential = false }, [DryNeedling], []),
        ["prescribed, nobody needling yet"] = (Clear with { PerformerHoldsDryNeedlingCredential = null }, [], []),
        ["local infection"] = (Clear with { TreatmentArea = new TreatmentAreaFindings { LocalInfection = true } }, PressureOrNeedle, []),
        ["acute inflammation"] = (Clear with { TreatmentArea = new TreatmentAreaFindings { AcuteInflammation = true } },
            [HeatTherapy, ContrastHeatCold, DeepTissueMassage, SportsMassage], []),
        ["broken skin"] = (Clear with { TreatmentArea = new TreatmentAreaFindings { BrokenSkin = true } },
            [ColdTherapy, HeatTherapy, ContrastHeatCold, .. PressureOrNeedle, MuscleRubMenthol, MuscleRubCapsaicin, MuscleRubCamphor], []),
        ["impaired sensation"] = (Clear with { History = MedicalHistory.None with { ImpairedSensation = true } }, [ColdTherapy, HeatTherapy, ContrastHeatCold], []),
        ["Raynaud's"] = (Clear with { History = MedicalHistory.None with { Raynauds = true } }, [ColdTherapy, ContrastHeatCold], []),
        ["suspected deep-vein thrombosis"] = (Clear with { RedFlags = new HashSet<RedFlag> { RedFlag.CalfSwellingWithWarmth } },
            [HeatTherapy, .. PressureOrNeedle], []),
        ["pregnancy"] = (Clear with { History = MedicalHistory.None with { Pregnancy = true } }, [],
            [YogaFlexibility, DeepTissueMassage, DryNeedling, MuscleRubCamphor, ReversePlank]),
        ["another red flag (night pain)"] = (Clear with { RedFlags = new HashSet<RedFlag> { RedFlag.NightPain } }, [], []),
        ["a history flag no entry lists (active cancer)"] = (Clear with { History = MedicalHistory.None with { ActiveCancer = true } }, [], []),
    };

    [Fact]
    public void Nothing_is_ruled_out_for_a_patient_with_no_flags()
    {
        All.Where(i => SafetyRules.Check(i, Clear).Concerns.Count > 0).Select(i => i.Code).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void A_flag_blocks_or_asks_for_a_justification_exactly_where_it_should_and_nowhere_else(string situation)
    {
        var (context, blocked, justify) = Cases[situation];

        var verdicts = All.ToDictionary(i => i.Code, i => SafetyRules.Check(i, context));

        verdicts.Where(v => v.Value.IsBlocked).Select(v => v.Key).ShouldBe(blocked, ignoreOrder: true, $"blocked when {situation}");
        verdicts.Where(v => v.Value.NeedsJustification).Select(v => v.Key).ShouldBe(justify, ignoreOrder: true, $"needing a justification when {situation}");
    }

    [Theory]
    [InlineData("anticoagulants", "Dry needling is blocked: the patient takes anticoagulants.")]
    [InlineData("bleeding disorder", "Dry needling is blocked: the patient has a bleeding disorder.")]
    [InlineData("needle phobia", "Dry needling is blocked: the patient has a needle phobia.")]
    [InlineData("lymphoedema", "Dry needling is blocked: the patient has lymphoedema in the limb.")]
    [InlineData("local infection", "Dry needling is blocked: there is an infection at the treatment area.")]
    [InlineData("no dry-needling consent", "Dry needling is blocked: the patient has no active dry-needling consent.")]
    [InlineData("expired dry-needling credential", "Dry needling is blocked: the therapist holds no current dry-needling credential.")]
    [InlineData("suspected deep-vein thrombosis", "Dry needling is blocked: a deep-vein thrombosis is suspected (warm, swollen calf): refer the patient.")]
    public void A_blocked_dry_needling_names_the_flag_and_the_intervention(string situation, string message)
    {
        var verdict = SafetyRules.Check(Find(DryNeedling)!, Cases[situation].Context);

        Should.Throw<DomainException>(() => verdict.EnsureMayProceed("The patient insists")).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData(HeatTherapy, "acute inflammation", "Heat therapy is blocked: the treatment area is acutely inflamed.")]
    [InlineData(HeatTherapy, "impaired sensation", "Heat therapy is blocked: the patient has impaired sensation.")]
    [InlineData(ColdTherapy, "Raynaud's", "Cold therapy is blocked: the patient has Raynaud's.")]
    [InlineData(ColdTherapy, "impaired sensation", "Cold therapy is blocked: the patient has impaired sensation.")]
    [InlineData(MuscleRubCapsaicin, "broken skin", "Muscle rub with capsaicin is blocked: the skin at the treatment area is broken.")]
    [InlineData(TriggerPointRelease, "suspected deep-vein thrombosis", "Trigger-point release is blocked: a deep-vein thrombosis is suspected (warm, swollen calf): refer the patient.")]
    [InlineData(SwedishMassage, "suspected deep-vein thrombosis", "Swedish massage is blocked: a deep-vein thrombosis is suspected (warm, swollen calf): refer the patient.")]
    public void Every_block_says_which_intervention_and_which_flag(string code, string situation, string message)
    {
        var verdict = SafetyRules.Check(Find(code)!, Cases[situation].Context);

        verdict.Blocking.Select(c => c.Message).ShouldContain(message);
    }

    [Fact]
    public void A_relative_contraindication_needs_a_written_justification_which_is_kept()
    {
        var verdict = SafetyRules.Check(Find(DryNeedling)!, Cases["pregnancy"].Context);

        Should.Throw<DomainException>(() => verdict.EnsureMayProceed("  ")).Message
            .ShouldBe("Dry needling needs a written clinical justification: the patient is pregnant.");
        verdict.EnsureMayProceed("Second trimester, lumbar sites avoided; obstetrician agreed.")
            .ShouldBe("Second trimester, lumbar sites avoided; obstetrician agreed.");
    }

    [Fact]
    public void A_justification_does_not_lift_a_block()
    {
        var context = Clear with { History = MedicalHistory.None with { Pregnancy = true, AnticoagulantUse = true } };
        var verdict = SafetyRules.Check(Find(DryNeedling)!, context);

        verdict.Concerns.First().Blocks.ShouldBeTrue("the blocking concern comes first");
        Should.Throw<DomainException>(() => verdict.EnsureMayProceed("Discussed with the GP")).Message
            .ShouldBe("Dry needling is blocked: the patient takes anticoagulants.");
    }

    [Fact]
    public void A_safe_intervention_needs_no_justification()
    {
        SafetyRules.Check(Find(GluteBridge)!, Clear).EnsureMayProceed(null).ShouldBeNull();
    }

    [Fact]
    public void Every_contraindication_has_exactly_one_rule()
    {
        SafetyRules.All.Select(r => r.Code).ShouldBe(Enum.GetValues<Contraindication>(), ignoreOrder: true);
    }
}
