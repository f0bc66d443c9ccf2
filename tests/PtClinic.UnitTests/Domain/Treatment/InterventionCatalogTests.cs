using PtClinic.Domain.Common;
using PtClinic.Domain.Treatment;
using static PtClinic.Domain.Treatment.InterventionCatalog;

namespace PtClinic.UnitTests.Domain.Treatment;

public sealed class InterventionCatalogTests
{
    public static TheoryData<string> Codes() => new(All.Select(i => i.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_seeded_entry_is_within_the_bounds_an_admin_edit_is_held_to(string code)
    {
        var entry = Find(code)!;

        var checkedEntry = entry.Checked();

        checkedEntry.Contraindications.ShouldBe(entry.Contraindications, ignoreOrder: true);
        (checkedEntry with { Contraindications = entry.Contraindications }).ShouldBe(entry);
        entry.PatientWording.ShouldNotBeNullOrWhiteSpace();
        (entry.Billing == BillingKind.NotBilled).ShouldBe(entry.CptCode is null, $"{code}: a CPT code exactly when it is billed");
    }

    [Fact]
    public void Codes_are_unique_and_kebab_case()
    {
        All.Select(i => i.Code).ShouldBeUnique();
        All.ShouldAllBe(i => i.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
    }

    [Fact]
    public void Every_treatment_of_the_design_has_an_entry()
    {
        string[] expected =
        [
            ColdTherapy, HeatTherapy, ContrastHeatCold, BloodFlowExercise, AerobicExercise, YogaFlexibility, PostureCorrection,
            SelfMassage, SwedishMassage, DeepTissueMassage, SportsMassage, TriggerPointRelease, BallTriggerPointRelease, DryNeedling,
            MuscleRubMenthol, MuscleRubCapsaicin, MuscleRubCamphor, Rest, GluteBridge, DonkeyKick, ReversePlank,
            EducationPosture, EducationWarmUp, EducationWholeFoods, EducationSeeDoctor,
        ];

        expected.Except(All.Select(i => i.Code)).ShouldBeEmpty();
        All.Count(i => i.Code.StartsWith("hamstring-stretch", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void The_doses_are_the_ones_the_clinical_content_gives()
    {
        Find(ColdTherapy)!.DefaultDose.Describe().ShouldBe("10 minutes on, 15 minutes off");
        All.Where(i => i.Category == InterventionCategory.Stretching && i.DefaultDose.HoldSeconds is not null)
            .ShouldAllBe(i => i.DefaultDose.HoldSeconds >= 30);
        Find(TriggerPointRelease)!.DefaultDose.HoldSeconds.ShouldBe(30);
        Find(BallTriggerPointRelease)!.PatientWording.ShouldContain("5 to 30 seconds");
    }

    [Theory]
    [InlineData(DryNeedling, Performer.Clinician, BillingKind.Untimed, "20560")]
    [InlineData(GluteBridge, Performer.Both, BillingKind.Timed, "97110")]
    [InlineData(PostureCorrection, Performer.Both, BillingKind.Timed, "97112")]
    [InlineData(TriggerPointRelease, Performer.Clinician, BillingKind.Timed, "97140")]
    [InlineData(ColdTherapy, Performer.Both, BillingKind.Untimed, "97010")]
    [InlineData(BallTriggerPointRelease, Performer.Home, BillingKind.NotBilled, null)]
    public void Who_performs_it_and_how_it_is_billed(string code, Performer performer, BillingKind billing, string? cpt)
    {
        var entry = Find(code)!;

        (entry.Performer, entry.Billing, entry.CptCode).ShouldBe((performer, billing, cpt));
    }

    [Fact]
    public void A_billed_entry_needs_a_five_digit_CPT_code()
    {
        var glute = Find(GluteBridge)!;

        Should.Throw<DomainException>(() => (glute with { CptCode = null }).Checked()).Message.ShouldBe("A billed intervention needs its CPT code.");
        Should.Throw<DomainException>(() => (glute with { CptCode = "9711" }).Checked()).Message.ShouldBe("A CPT code is five digits, for example 97110.");
    }
}
