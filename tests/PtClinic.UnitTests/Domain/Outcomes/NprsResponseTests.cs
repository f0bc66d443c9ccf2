using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class NprsResponseTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(10)]
    public void The_score_is_the_pain_rating(int rating)
    {
        var response = NprsResponse.From(rating);

        response.Score.ShouldBe(rating);
        response.Measure.ShouldBe(OutcomeMeasure.Nprs);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_rating_outside_0_to_10_is_refused(int rating) =>
        Should.Throw<DomainException>(() => NprsResponse.From(rating)).Message.ShouldBe("NPRS pain rating must be 0 to 10.");
}
