using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class PsfsResponseTests
{
    private static PsfsActivity[] Rated(params int[] ratings) =>
        ratings.Select((r, i) => new PsfsActivity($"Activity {i + 1}", r)).ToArray();

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 0.0)]
    [InlineData(new[] { 10, 10, 10, 10, 10 }, 10.0)]
    [InlineData(new[] { 2, 4, 6, 8 }, 5.0)]
    [InlineData(new[] { 3, 4, 4, 5, 5 }, 4.2)]
    public void The_score_is_the_mean_of_the_activities(int[] ratings, double expected) =>
        PsfsResponse.From(Rated(ratings)).Score.ShouldBe((decimal)expected);

    [Theory]
    [InlineData(new[] { 3, 3, 4 }, 3.3)]
    [InlineData(new[] { 3, 4, 4 }, 3.7)]
    [InlineData(new[] { 1, 2, 2, 2 }, 1.8)]
    public void A_mean_that_is_not_whole_is_kept_precise_and_shown_to_one_decimal(int[] ratings, double shown)
    {
        var response = PsfsResponse.From(Rated(ratings));

        response.Score.ShouldBe((decimal)ratings.Sum() / ratings.Length);
        response.DisplayScore.ShouldBe((decimal)shown);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void Fewer_than_3_or_more_than_5_activities_are_refused(int count) =>
        Should.Throw<DomainException>(() => PsfsResponse.From(Rated(Enumerable.Repeat(5, count).ToArray())))
            .Message.ShouldBe($"PSFS needs 3 to 5 activities; {count} were given.");

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_rating_outside_0_to_10_is_refused_naming_the_activity(int rating)
    {
        var activities = Rated(5, 5, 5);
        activities[1] = new PsfsActivity("Climb stairs", rating);

        Should.Throw<DomainException>(() => PsfsResponse.From(activities))
            .Message.ShouldBe("PSFS activity 2 (Climb stairs) must be rated 0 to 10.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Each_activity_needs_a_name(string name)
    {
        var activities = Rated(5, 5, 5);
        activities[2] = new PsfsActivity(name, 5);

        Should.Throw<DomainException>(() => PsfsResponse.From(activities))
            .Message.ShouldBe("PSFS activity 3 name is required.");
    }

    [Fact]
    public void Activity_names_are_trimmed_and_limited_to_100_characters()
    {
        var atLimit = new string('x', PsfsResponse.ActivityNameMaxLength);
        var activities = Rated(5, 5, 5);
        activities[0] = new PsfsActivity("  Run 5 km ", 5);
        activities[1] = new PsfsActivity(atLimit, 5);

        PsfsResponse.From(activities).Activities.Select(a => a.Name).ShouldBe(["Run 5 km", atLimit, "Activity 3"]);

        activities[1] = new PsfsActivity(atLimit + "x", 5);
        Should.Throw<DomainException>(() => PsfsResponse.From(activities))
            .Message.ShouldBe("PSFS activity 2 name must be at most 100 characters.");
    }
}
