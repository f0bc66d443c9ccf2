using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class OutcomeChangeTests
{
    [Theory]
    [InlineData(OutcomeMeasure.Nprs, 0, 10, 2, ScoreDirection.LowerIsBetter)]
    [InlineData(OutcomeMeasure.Lefs, 0, 80, 9, ScoreDirection.HigherIsBetter)]
    [InlineData(OutcomeMeasure.Psfs, 0, 10, 2, ScoreDirection.HigherIsBetter)]
    [InlineData(OutcomeMeasure.Odi, 0, 100, 10, ScoreDirection.LowerIsBetter)]
    public void Every_measure_has_its_range_mcid_and_direction(
        OutcomeMeasure measure, int minimum, int maximum, int mcid, ScoreDirection direction)
    {
        var definition = OutcomeMeasureDefinition.For(measure);

        (definition.Minimum, definition.Maximum, definition.Mcid, definition.Direction)
            .ShouldBe((minimum, maximum, mcid, direction));
        OutcomeMeasureDefinition.Measures.Select(d => d.Measure).ShouldBe(Enum.GetValues<OutcomeMeasure>(), ignoreOrder: true);
    }

    // Baseline, current, expected change, improvement?, reaches MCID?
    [Theory]
    // NPRS: lower is better, MCID 2.
    [InlineData(OutcomeMeasure.Nprs, 7, 5, -2, true, true)]
    [InlineData(OutcomeMeasure.Nprs, 7, 6, -1, true, false)]
    [InlineData(OutcomeMeasure.Nprs, 8, 0, -8, true, true)]
    [InlineData(OutcomeMeasure.Nprs, 5, 5, 0, false, false)]
    [InlineData(OutcomeMeasure.Nprs, 3, 9, 6, false, false)]
    // LEFS: higher is better, MCID 9.
    [InlineData(OutcomeMeasure.Lefs, 40, 49, 9, true, true)]
    [InlineData(OutcomeMeasure.Lefs, 40, 48, 8, true, false)]
    [InlineData(OutcomeMeasure.Lefs, 0, 80, 80, true, true)]
    [InlineData(OutcomeMeasure.Lefs, 40, 40, 0, false, false)]
    [InlineData(OutcomeMeasure.Lefs, 60, 40, -20, false, false)]
    // PSFS: higher is better, MCID 2.
    [InlineData(OutcomeMeasure.Psfs, 3, 5, 2, true, true)]
    [InlineData(OutcomeMeasure.Psfs, 3, 4.9, 1.9, true, false)]
    [InlineData(OutcomeMeasure.Psfs, 3, 3, 0, false, false)]
    [InlineData(OutcomeMeasure.Psfs, 7, 2, -5, false, false)]
    // ODI: lower is better, MCID 10 percentage points.
    [InlineData(OutcomeMeasure.Odi, 46, 36, -10, true, true)]
    [InlineData(OutcomeMeasure.Odi, 46, 37, -9, true, false)]
    [InlineData(OutcomeMeasure.Odi, 46, 46, 0, false, false)]
    [InlineData(OutcomeMeasure.Odi, 20, 60, 40, false, false)]
    public void The_change_counts_as_important_only_at_the_mcid_in_the_better_direction(
        OutcomeMeasure measure, double baseline, double current, double change, bool isImprovement, bool reachesMcid)
    {
        var outcome = OutcomeChange.Between(measure, (decimal)baseline, (decimal)current);

        outcome.ShouldSatisfyAllConditions(
            o => o.Change.ShouldBe((decimal)change),
            o => o.IsImprovement.ShouldBe(isImprovement),
            o => o.ReachesMcid.ShouldBe(reachesMcid));
    }

    [Fact]
    public void The_precise_psfs_means_decide_the_mcid_not_the_rounded_ones()
    {
        // 3.33… → 5.33… is exactly 2. 3.33… → 5.25 is 1.92, though the displayed scores (3.3 → 5.3) differ by 2.0.
        var baseline = PsfsResponse.From([new("Stairs", 3), new("Run", 3), new("Kneel", 4)]);
        var exactly = PsfsResponse.From([new("Stairs", 5), new("Run", 5), new("Kneel", 6)]);
        var justShort = PsfsResponse.From([new("Stairs", 5), new("Run", 5), new("Kneel", 5), new("Squat", 6)]);

        OutcomeChange.Between(baseline, exactly).ReachesMcid.ShouldBeTrue();
        (baseline.DisplayScore, justShort.DisplayScore).ShouldBe((3.3m, 5.3m));
        var shortChange = OutcomeChange.Between(baseline, justShort);
        shortChange.IsImprovement.ShouldBeTrue();
        shortChange.ReachesMcid.ShouldBeFalse();
    }

    [Fact]
    public void Responses_are_compared_by_their_scores()
    {
        var change = OutcomeChange.Between(NprsResponse.From(7), NprsResponse.From(3));

        (change.Measure, change.Baseline, change.Current, change.Change, change.ReachesMcid)
            .ShouldBe((OutcomeMeasure.Nprs, 7m, 3m, -4m, true));
    }

    [Fact]
    public void Scores_of_different_measures_are_not_compared() =>
        Should.Throw<DomainException>(() => OutcomeChange.Between(NprsResponse.From(7), PsfsResponse.From(
                [new("Stairs", 3), new("Run", 3), new("Kneel", 4)])))
            .Message.ShouldBe("The baseline is NPRS and the current score is PSFS; only scores of the same measure can be compared.");

    [Theory]
    [InlineData(OutcomeMeasure.Nprs, 11, 5, "The baseline NPRS score must be 0 to 10.")]
    [InlineData(OutcomeMeasure.Lefs, 40, 81, "The current LEFS score must be 0 to 80.")]
    [InlineData(OutcomeMeasure.Odi, -1, 20, "The baseline ODI score must be 0 to 100.")]
    public void A_score_outside_the_measure_range_is_refused(OutcomeMeasure measure, int baseline, int current, string message) =>
        Should.Throw<DomainException>(() => OutcomeChange.Between(measure, baseline, current)).Message.ShouldBe(message);
}
