using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.UnitTests.Domain.Reasoning;

public sealed class FindingsTests
{
    [Theory]
    [InlineData(-0.5, null, null, "Hours sitting per day must be between 0 and 24.")]
    [InlineData(24.5, null, null, "Hours sitting per day must be between 0 and 24.")]
    [InlineData(null, -1, null, "Active days per week must be between 0 and 7.")]
    [InlineData(null, 8, null, "Active days per week must be between 0 and 7.")]
    [InlineData(null, null, -101, "The training-load change over 4 weeks must be between -100 % and +1000 %.")]
    [InlineData(null, null, 1001, "The training-load change over 4 weeks must be between -100 % and +1000 %.")]
    public void Lifestyle_answers_out_of_range_are_refused(double? hoursSitting, int? activeDays, int? loadChange, string message)
    {
        Should.Throw<DomainException>(() => new LifestyleFindings((decimal?)hoursSitting, activeDays, loadChange))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void Lifestyle_answers_at_the_limits_are_kept()
    {
        var lifestyle = new LifestyleFindings(24, 7, -100, true, false);

        lifestyle.ShouldBe(new LifestyleFindings(24, 7, -100, true, false));
        new LifestyleFindings(0, 0, 1000).TrainingLoadChangePercentOver4Weeks.ShouldBe(1000);
    }

    [Theory]
    [InlineData(RangeOfMotionTest.ActiveStraightLegRaise, -1, 80, "The left active SLR must be between 0° and 180°.")]
    [InlineData(RangeOfMotionTest.ActiveStraightLegRaise, 80, 181, "The right active SLR must be between 0° and 180°.")]
    [InlineData(RangeOfMotionTest.PassiveKneeExtension, 91, 20, "The left passive knee extension deficit must be between 0° and 90°.")]
    [InlineData(RangeOfMotionTest.NinetyNinety, 20, -5, "The right 90-90 knee extension deficit must be between 0° and 90°.")]
    public void Range_of_motion_out_of_range_is_refused(RangeOfMotionTest test, int left, int right, string message)
    {
        Should.Throw<DomainException>(() => new RangeOfMotionFinding(test, left, right)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData(RangeOfMotionTest.ActiveStraightLegRaise, 80)]
    [InlineData(RangeOfMotionTest.PassiveKneeExtension, 20)]
    [InlineData(RangeOfMotionTest.NinetyNinety, 20)]
    public void Every_flexibility_test_has_one_normal_value(RangeOfMotionTest test, int normal)
    {
        RangeOfMotionReferences.All.Count(r => r.Test == test).ShouldBe(1);
        RangeOfMotionReferences.For(test).NormalDegrees.ShouldBe(normal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void A_muscle_test_grade_outside_0_to_5_is_refused(int grade)
    {
        Should.Throw<DomainException>(() => new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, grade))
            .Message.ShouldBe("A manual muscle test grade must be between 0 and 5.");
    }

    [Theory]
    [InlineData(MuscleGroup.Core, BodySide.Left, "Core strength is recorded without a side.")]
    [InlineData(MuscleGroup.Hamstrings, BodySide.NotApplicable, "Record which side was tested (left, right or both).")]
    public void A_muscle_test_on_the_wrong_side_is_refused(MuscleGroup muscle, BodySide side, string message)
    {
        Should.Throw<DomainException>(() => new StrengthFinding(muscle, side, 4)).Message.ShouldBe(message);
    }

    [Fact]
    public void A_flexibility_test_recorded_twice_is_refused()
    {
        var slr = new RangeOfMotionFinding(RangeOfMotionTest.ActiveStraightLegRaise, 70, 80);

        Should.Throw<DomainException>(() => Findings.None with { RangeOfMotion = [slr, slr] })
            .Message.ShouldBe("Record each flexibility test once per assessment.");
    }

    [Fact]
    public void A_muscle_group_recorded_twice_on_one_side_is_refused()
    {
        Should.Throw<DomainException>(() => Findings.None with
        {
            Strength =
            [
                new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, 4),
                new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, 5),
            ],
        }).Message.ShouldBe("Record each muscle group once per side.");
    }

    [Fact]
    public void A_blank_guarding_note_is_kept_as_no_note()
    {
        new MuscleGuardingFinding(true, "   ").Note.ShouldBeNull();
    }

    [Fact]
    public void An_empty_assessment_has_nothing_in_it()
    {
        Findings.None.Lifestyle.ShouldBeNull();
        Findings.None.RangeOfMotion.ShouldBeEmpty();
        Findings.None.Strength.ShouldBeEmpty();
        Findings.None.Posture.ShouldBeEmpty();
        Findings.None.MuscleGuarding.ShouldBeNull();
        Findings.None.RedFlags.ShouldBeEmpty();
    }
}
