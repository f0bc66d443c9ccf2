using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;

namespace PtClinic.UnitTests.Domain.Plans;

public sealed class PlanOfCareTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly StaffRef Therapist = new(Guid.CreateVersion7(), "Maya Lindqvist");

    private static readonly SafetyContext NoFlags = new(MedicalHistory.None, new HashSet<RedFlag>(), TreatmentAreaFindings.None, false, null);

    private static readonly PlanContent Content = new(
        Today,
        ["Pain when sitting"],
        [new PlanGoal("after 30 min sitting", OutcomeMeasure.Nprs, GoalComparison.AtMost, 2, Today.AddDays(28))],
        2,
        6,
        [new PlanItem(PlanSetting.Home, InterventionCatalog.GluteBridge, new Dose { Sets = 3, Reps = 10 }, null, null)],
        []);

    private static PlanOfCare Draft(PlanContent? content = null)
    {
        var plan = PlanOfCare.Start(EpisodeOfCareTests.NewEpisode(), Today, Therapist, Now);
        plan.Edit(content ?? Content, InterventionCatalog.Find, NoFlags, Therapist, Now);
        return plan;
    }

    private static PlanOfCare Signed()
    {
        var plan = Draft();
        plan.Sign(Today, null, Today, InterventionCatalog.Find, NoFlags, Therapist, Now);
        return plan;
    }

    [Fact]
    public void Signing_sets_the_recertification_90_days_after_the_certification_date()
    {
        var plan = Signed();

        plan.IsSigned.ShouldBeTrue();
        plan.RecertificationDueOn.ShouldBe(Today.AddDays(90));
        plan.IsRecertificationOverdue(Today.AddDays(90)).ShouldBeFalse();
        plan.IsRecertificationOverdue(Today.AddDays(91)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(91)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_recertification_later_than_90_days_or_not_after_certifying_is_refused(int days)
    {
        var plan = Draft();

        Should.Throw<DomainException>(() => plan.Sign(Today, Today.AddDays(days), Today, InterventionCatalog.Find, NoFlags, Therapist, Now));
        plan.IsSigned.ShouldBeFalse();
    }

    [Fact]
    public void A_certification_date_in_the_future_or_before_the_plan_starts_is_refused()
    {
        var plan = Draft();

        Should.Throw<DomainException>(() => plan.Sign(Today.AddDays(1), null, Today, InterventionCatalog.Find, NoFlags, Therapist, Now))
            .Message.ShouldBe("The certification date cannot be in the future.");
        Should.Throw<DomainException>(() => plan.Sign(Today.AddDays(-1), null, Today, InterventionCatalog.Find, NoFlags, Therapist, Now))
            .Message.ShouldBe("The certification date cannot be before the plan starts.");
    }

    [Fact]
    public void A_signed_plan_is_never_edited_and_revising_it_makes_the_next_version_as_a_draft_copy()
    {
        var signed = Signed();

        Should.Throw<DomainException>(() => signed.Edit(Content, InterventionCatalog.Find, NoFlags, Therapist, Now));
        var next = signed.Revise(EpisodeOfCareTests.NewEpisode(), Therapist, Now.AddDays(7));

        next.Number.ShouldBe(2);
        next.ReplacesId.ShouldBe(signed.Id);
        next.IsSigned.ShouldBeFalse();
        next.Content.Problems.ShouldBe(signed.Content.Problems);
        next.Content.Goals.ShouldBe(signed.Content.Goals);
        next.Content.Items.ShouldBe(signed.Content.Items);
        Should.Throw<DomainException>(() => next.Revise(EpisodeOfCareTests.NewEpisode(), Therapist, Now));
    }

    [Fact]
    public void A_goal_dated_before_the_plan_starts_is_refused()
    {
        var content = Content with { Goals = [Content.Goals[0] with { TargetDate = Today.AddDays(-1) }] };

        Should.Throw<DomainException>(() => Draft(content)).Message.ShouldBe("A goal's date cannot be before the plan starts.");
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(200, null, null)]
    [InlineData(null, 3 * 60 * 60, null)]
    [InlineData(null, null, -5)]
    public void A_dose_out_of_its_bounds_is_refused(int? sets, int? hold, int? minutes)
    {
        var content = Content with
        {
            Items = [Content.Items[0] with { Dose = new Dose { Sets = sets, HoldSeconds = hold, MinutesOn = minutes } }],
        };

        Should.Throw<DomainException>(() => Draft(content));
    }

    [Fact]
    public void Frequency_duration_and_a_measured_target_are_bounded()
    {
        Should.Throw<DomainException>(() => Draft(Content with { VisitsPerWeek = PlanContent.MaxVisitsPerWeek + 1 }));
        Should.Throw<DomainException>(() => Draft(Content with { DurationWeeks = 0 }));
        Should.Throw<DomainException>(() => Draft(Content with { Goals = [Content.Goals[0] with { Target = 11 }] }))
            .Message.ShouldBe("The NPRS target must be 0 to 10.");
        Should.Throw<DomainException>(() => Draft(Content with { Problems = [new string('a', PlanContent.ProblemMaxLength + 1)] }));
    }

    [Fact]
    public void A_home_item_given_in_the_clinic_only_is_refused()
    {
        var content = Content with { Items = [new PlanItem(PlanSetting.Home, InterventionCatalog.DryNeedling, Dose.None, null, null)] };

        Should.Throw<DomainException>(() => Draft(content)).Message.ShouldBe("Dry needling is given by the therapist, not done at home.");
    }

    [Fact]
    public void A_blocked_prescription_is_refused_with_the_rules_message_and_a_relative_one_keeps_its_justification()
    {
        var anticoagulated = NoFlags with { History = MedicalHistory.None with { AnticoagulantUse = true }, HasActiveDryNeedlingConsent = true };
        var needling = Content with { Items = [new PlanItem(PlanSetting.InClinic, InterventionCatalog.DryNeedling, Dose.None, null, "Asked")] };
        var ball = Content with { Items = [new PlanItem(PlanSetting.Home, InterventionCatalog.BallTriggerPointRelease, Dose.None, null, null)] };
        var plan = PlanOfCare.Start(EpisodeOfCareTests.NewEpisode(), Today, Therapist, Now);

        Should.Throw<DomainException>(() => plan.Edit(needling, InterventionCatalog.Find, anticoagulated, Therapist, Now))
            .Message.ShouldBe("Dry needling is blocked: the patient takes anticoagulants.");
        Should.Throw<DomainException>(() => plan.Edit(ball, InterventionCatalog.Find, anticoagulated, Therapist, Now));
        plan.Edit(ball with { Items = [ball.Items[0] with { Justification = " Low pressure only " }] }, InterventionCatalog.Find, anticoagulated, Therapist, Now);

        plan.Content.Items.Single().Justification.ShouldBe("Low pressure only");
    }

    [Fact]
    public void A_justification_where_none_is_needed_is_not_stored()
    {
        var content = Content with { Items = [Content.Items[0] with { Justification = "Not needed" }] };

        Draft(content).Content.Items.Single().Justification.ShouldBeNull();
    }

    [Fact]
    public void A_measured_goal_reads_as_a_therapist_writes_it()
    {
        Content.Goals[0].Describe().ShouldBe("NPRS ≤ 2 after 30 min sitting, by 24 Dec 2026");
        new PlanGoal("Walk the dog for 30 minutes", null, null, null, Today.AddDays(42)).Describe().ShouldBe("Walk the dog for 30 minutes, by 7 Jan 2027");
        Content.DescribeFrequency().ShouldBe("2 visits a week for 6 weeks");
    }
}
