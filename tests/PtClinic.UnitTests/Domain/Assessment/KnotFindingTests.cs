using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.UnitTests.Domain.Assessment;

public sealed class KnotFindingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private const string Semitendinosus = "semitendinosus";

    public static TheoryData<string> CatalogMuscles => [.. MuscleCatalog.All.Select(m => m.Code)];

    private static KnotPresentation Presentation(int tenderness = 6, decimal? ppt = 3.5m, int? sizeMm = 8, params ReferredPainArea[] referred) =>
        VisitAssessmentTests.Presentation(tenderness, ppt, sizeMm, referred);

    [Theory]
    [InlineData(-1, null, null, "Tenderness must be rated 0 to 10.")]
    [InlineData(11, null, null, "Tenderness must be rated 0 to 10.")]
    [InlineData(5, 0.0, null, "The pressure-pain threshold must be more than 0 and at most 20 kg/cm².")]
    [InlineData(5, -1.5, null, "The pressure-pain threshold must be more than 0 and at most 20 kg/cm².")]
    [InlineData(5, 20.01, null, "The pressure-pain threshold must be more than 0 and at most 20 kg/cm².")]
    [InlineData(5, null, 0, "The knot's size must be 1 to 100 mm.")]
    [InlineData(5, null, 101, "The knot's size must be 1 to 100 mm.")]
    public void A_presentation_out_of_range_is_refused(int tenderness, double? ppt, int? sizeMm, string message)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        Should.Throw<DomainException>(() =>
                assessment.AddKnot(Semitendinosus, BodySide.Left, MuscleZone.MiddleThird, Presentation(tenderness, (decimal?)ppt, sizeMm), therapist, Now))
            .Message.ShouldBe(message);
        assessment.Knots.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 0.1, 1)]
    [InlineData(10, 20.0, 100)]
    [InlineData(4, null, null)]
    public void A_presentation_at_the_limits_is_kept(int tenderness, double? ppt, int? sizeMm)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        var knot = assessment.AddKnot(Semitendinosus, BodySide.Left, MuscleZone.MiddleThird, Presentation(tenderness, (decimal?)ppt, sizeMm), therapist, Now);

        (knot.Tenderness, knot.PressurePainThreshold, knot.SizeMm).ShouldBe((tenderness, (decimal?)ppt, sizeMm));
    }

    [Fact]
    public void Referred_pain_areas_are_kept_once_each_in_a_fixed_order()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var presentation = Presentation(referred: [ReferredPainArea.LowerBack, ReferredPainArea.Buttock, ReferredPainArea.LowerBack, ReferredPainArea.LowerLeg]);

        var knot = assessment.AddKnot(Semitendinosus, BodySide.Left, MuscleZone.MiddleThird, presentation, therapist, Now);

        knot.ReferredPain.ShouldBe([ReferredPainArea.Buttock, ReferredPainArea.LowerLeg, ReferredPainArea.LowerBack]);
    }

    [Theory]
    [MemberData(nameof(CatalogMuscles))]
    public void Every_catalog_muscle_can_be_charted(string muscleCode)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        assessment.AddKnot(muscleCode, BodySide.Right, MuscleZone.DistalThird, Presentation(), therapist, Now)
            .MuscleCode.ShouldBe(muscleCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hamstrings")]
    [InlineData("Semitendinosus")]
    [InlineData(" semitendinosus")]
    public void A_muscle_outside_the_catalog_is_refused(string muscleCode)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        Should.Throw<DomainException>(() => assessment.AddKnot(muscleCode, BodySide.Left, MuscleZone.MiddleThird, Presentation(), therapist, Now))
            .Message.ShouldContain("is not a muscle of the catalog");
        assessment.Knots.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(BodySide.Bilateral)]
    [InlineData(BodySide.NotApplicable)]
    [InlineData((BodySide)99)]
    public void A_knot_is_on_one_side_only(BodySide side)
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        Should.Throw<DomainException>(() => assessment.AddKnot(Semitendinosus, side, MuscleZone.MiddleThird, Presentation(), therapist, Now))
            .Message.ShouldBe("A knot is on the left or the right side.");
        assessment.Knots.ShouldBeEmpty();
    }

    [Fact]
    public void A_knot_outside_the_thirds_of_the_muscle_is_refused()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        Should.Throw<DomainException>(() => assessment.AddKnot(Semitendinosus, BodySide.Left, (MuscleZone)3, Presentation(), therapist, Now))
            .Message.ShouldBe("Name the third of the muscle the knot is in.");
        assessment.Knots.ShouldBeEmpty();
    }

    [Fact]
    public void A_refused_update_leaves_the_knot_as_it_was()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();
        var knot = assessment.AddKnot(Semitendinosus, BodySide.Left, MuscleZone.MiddleThird, Presentation(6, 3.5m, 8, ReferredPainArea.Buttock), therapist, Now);

        Should.Throw<DomainException>(() =>
            assessment.UpdateKnot(knot.Id, new KnotPresentation(2, 4m, 500, IsActive: false, LocalTwitchResponse: true, [ReferredPainArea.LowerLeg]), therapist, Now.AddMinutes(5)));

        knot.ShouldSatisfyAllConditions(
            k => (k.Tenderness, k.PressurePainThreshold, k.SizeMm).ShouldBe((6, (decimal?)3.5m, (int?)8)),
            k => (k.IsActive, k.LocalTwitchResponse).ShouldBe((true, false)),
            k => k.ReferredPain.ShouldBe([ReferredPainArea.Buttock]));
        assessment.LastEditedAt.ShouldBe(Now);
    }

    [Fact]
    public void Knots_charted_at_the_same_moment_get_their_own_ids()
    {
        var (assessment, therapist) = VisitAssessmentTests.Started();

        var left = assessment.AddKnot(Semitendinosus, BodySide.Left, MuscleZone.MiddleThird, Presentation(), therapist, Now);
        var right = assessment.AddKnot(Semitendinosus, BodySide.Right, MuscleZone.MiddleThird, Presentation(), therapist, Now);

        left.Id.ShouldNotBe(right.Id);
        assessment.RemoveKnot(left.Id, therapist, Now);
        assessment.Knots.ShouldBe([right]);
    }
}
