using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;
using PtClinic.UnitTests.Domain.Assessment;

namespace PtClinic.UnitTests.Domain.Treatment;

public sealed class VisitTreatmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private const string BicepsFemoris = "biceps-femoris-long-head";

    private static readonly SafetyContext Eligible = new(
        MedicalHistory.None, new HashSet<RedFlag>(), TreatmentAreaFindings.None, HasActiveDryNeedlingConsent: true, PerformerHoldsDryNeedlingCredential: true);

    private static readonly DryNeedlingDetails Needles = new(2, 0.25m, 40, "LOT-2026-118", DryNeedlingTechnique.Pistoning, "Pain eased from 6 to 3", []);

    private static InterventionDefinition Catalog(string code) => InterventionCatalog.Find(code)!;

    private static (VisitTreatment Treatment, VisitAssessment Assessment, StaffRef Therapist, Func<VisitNoteSigned> Sign) Started()
    {
        var (visit, episode) = VisitTests.VisitIn(VisitStatus.CheckedIn);
        var therapist = new StaffRef(visit.TherapistId, "Maya Lindqvist");
        var assessment = VisitAssessment.Start(visit, therapist, Now);
        assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird, VisitAssessmentTests.Presentation(), therapist, Now);
        assessment.AddKnot("semitendinosus", BodySide.Left, MuscleZone.DistalThird, VisitAssessmentTests.Presentation(), therapist, Now);
        return (VisitTreatment.Start(visit, therapist, Now), assessment, therapist, () =>
        {
            var note = VisitNote.Start(visit, therapist, Now);
            note.SaveDraft("Tight behind the knee", null, null, null, therapist, Now);
            note.Sign(visit, episode.Status, therapist, Now.AddMinutes(40));
            return note.TakeDomainEvents().OfType<VisitNoteSigned>().Single();
        });
    }

    private static DryNeedlingProcedure Needle(VisitTreatment treatment, VisitAssessment assessment, StaffRef by, SafetyContext safety, string? justification = null) =>
        treatment.RecordDryNeedling(Catalog(InterventionCatalog.DryNeedling), assessment.Knots,
            [.. assessment.Knots.Select(k => new NeedledKnot(k.Id, LocalTwitchResponse: true))], Needles, justification, safety, by, Now);

    [Fact]
    public void Performed_interventions_bill_their_units_with_the_dry_needling()
    {
        var (treatment, assessment, therapist, _) = Started();
        treatment.Perform(Catalog(InterventionCatalog.GluteBridge), 33, "3 × 12", null, Eligible, therapist, Now);
        treatment.Perform(Catalog(InterventionCatalog.TriggerPointRelease), 7, null, null, Eligible, therapist, Now);
        treatment.Perform(Catalog(InterventionCatalog.HeatTherapy), 10, null, null, Eligible, therapist, Now);
        Needle(treatment, assessment, therapist, Eligible);

        treatment.Billing().Lines.Select(l => (l.CptCode, l.Units)).ShouldBe([("97110", 2), ("97140", 1), ("20560", 1), ("97010", 1)]);
    }

    [Fact]
    public void Three_muscles_needled_bill_20561()
    {
        var (treatment, assessment, therapist, _) = Started();
        assessment.AddKnot("semimembranosus", BodySide.Left, MuscleZone.ProximalThird, VisitAssessmentTests.Presentation(), therapist, Now);
        treatment.RecordDryNeedling(Catalog(InterventionCatalog.DryNeedling), assessment.Knots,
            [.. assessment.Knots.Select(k => new NeedledKnot(k.Id, false))], Needles with { NeedleCount = 3 }, null, Eligible, therapist, Now);

        treatment.DryNeedling!.CptCode.ShouldBe(DryNeedlingProcedure.ThreeOrMoreMusclesCpt);
    }

    public static TheoryData<string, SafetyContext, string> BlockedNeedling() => new()
    {
        { "no consent", Eligible with { HasActiveDryNeedlingConsent = false }, "Dry needling is blocked: the patient has no active dry-needling consent." },
        { "no current credential", Eligible with { PerformerHoldsDryNeedlingCredential = false }, "Dry needling is blocked: the therapist holds no current dry-needling credential." },
        { "anticoagulants", Eligible with { History = MedicalHistory.None with { AnticoagulantUse = true } }, "Dry needling is blocked: the patient takes anticoagulants." },
        { "infection at the area", Eligible with { TreatmentArea = new TreatmentAreaFindings { LocalInfection = true } }, "Dry needling is blocked: there is an infection at the treatment area." },
        { "a suspected DVT", Eligible with { RedFlags = new HashSet<RedFlag> { RedFlag.CalfSwellingWithWarmth } }, "Dry needling is blocked: a deep-vein thrombosis is suspected (warm, swollen calf): refer the patient." },
    };

    [Theory]
    [MemberData(nameof(BlockedNeedling))]
    public void Dry_needling_is_refused_with_the_reason_that_applies_now(string why, SafetyContext safety, string message)
    {
        var (treatment, assessment, therapist, _) = Started();

        Should.Throw<DomainException>(() => Needle(treatment, assessment, therapist, safety)).Message.ShouldBe(message, why);
        treatment.DryNeedling.ShouldBeNull();
    }

    [Fact]
    public void A_relative_contraindication_needs_a_justification_kept_with_the_record()
    {
        var (treatment, assessment, therapist, _) = Started();
        var pregnant = Eligible with { History = MedicalHistory.None with { Pregnancy = true } };

        Should.Throw<DomainException>(() => Needle(treatment, assessment, therapist, pregnant)).Message.ShouldContain("justification");
        Needle(treatment, assessment, therapist, pregnant, "Second trimester, thigh only, obstetrician agrees").Justification
            .ShouldBe("Second trimester, thigh only, obstetrician agrees");
    }

    [Fact]
    public void Heat_is_refused_over_acute_inflammation_found_at_this_visit()
    {
        var (treatment, _, therapist, _) = Started();
        var inflamed = Eligible with { TreatmentArea = new TreatmentAreaFindings { AcuteInflammation = true } };

        Should.Throw<DomainException>(() => treatment.Perform(Catalog(InterventionCatalog.HeatTherapy), 10, null, null, inflamed, therapist, Now))
            .Message.ShouldBe("Heat therapy is blocked: the treatment area is acutely inflamed.");
        treatment.Interventions.ShouldBeEmpty();
    }

    [Fact]
    public void Needling_a_site_not_charted_at_this_visit_is_refused()
    {
        var (treatment, assessment, therapist, _) = Started();

        Should.Throw<DomainException>(() => treatment.RecordDryNeedling(Catalog(InterventionCatalog.DryNeedling), assessment.Knots,
            [new NeedledKnot(Guid.CreateVersion7(), true)], Needles, null, Eligible, therapist, Now)).Message.ShouldContain("charted at this visit");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(121)]
    public void Minutes_out_of_bounds_are_refused(int minutes)
    {
        var (treatment, _, therapist, _) = Started();

        Should.Throw<DomainException>(() => treatment.Perform(Catalog(InterventionCatalog.GluteBridge), minutes, null, null, Eligible, therapist, Now))
            .Message.ShouldBe("Minutes must be 1 to 120.");
    }

    [Fact]
    public void Dry_needling_is_not_recorded_as_a_plain_intervention()
    {
        var (treatment, _, therapist, _) = Started();

        Should.Throw<DomainException>(() => treatment.Perform(Catalog(InterventionCatalog.DryNeedling), 10, null, null, Eligible, therapist, Now));
    }

    [Fact]
    public void Nothing_changes_once_the_note_is_signed()
    {
        var (treatment, assessment, therapist, sign) = Started();
        var given = treatment.Perform(Catalog(InterventionCatalog.GluteBridge), 15, null, null, Eligible, therapist, Now);
        treatment.Freeze(sign());

        Should.Throw<DomainException>(() => treatment.Perform(Catalog(InterventionCatalog.GluteBridge), 15, null, null, Eligible, therapist, Now));
        Should.Throw<DomainException>(() => treatment.RemoveIntervention(given.Id, therapist, Now));
        Should.Throw<DomainException>(() => Needle(treatment, assessment, therapist, Eligible));
        treatment.Interventions.Count.ShouldBe(1);
    }
}
