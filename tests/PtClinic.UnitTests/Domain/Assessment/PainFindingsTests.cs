using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;

namespace PtClinic.UnitTests.Domain.Assessment;

public sealed class PainFindingsTests
{
    [Theory]
    [InlineData(-1, null, null, "Pain now must be rated 0 to 10.")]
    [InlineData(11, null, null, "Pain now must be rated 0 to 10.")]
    [InlineData(null, -1, null, "Pain at its best in the last 24 h must be rated 0 to 10.")]
    [InlineData(null, 11, null, "Pain at its best in the last 24 h must be rated 0 to 10.")]
    [InlineData(null, null, -1, "Pain at its worst in the last 24 h must be rated 0 to 10.")]
    [InlineData(null, null, 11, "Pain at its worst in the last 24 h must be rated 0 to 10.")]
    public void A_rating_outside_0_to_10_is_refused(int? now, int? best, int? worst, string message)
    {
        Should.Throw<DomainException>(() => new PainFindings(now, best, worst)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(10, 10, 10)]
    [InlineData(5, 2, 8)]
    [InlineData(null, null, null)]
    [InlineData(null, 10, null)]
    public void Ratings_from_0_to_10_or_not_asked_are_kept(int? now, int? best, int? worst)
    {
        var pain = new PainFindings(now, best, worst);

        (pain.Now, pain.Best24Hours, pain.Worst24Hours).ShouldBe((now, best, worst));
    }

    [Theory]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, true)]
    [InlineData(5, 6, false)]
    public void Pain_at_its_best_cannot_be_higher_than_at_its_worst(int worst, int best, bool allowed)
    {
        var record = () => new PainFindings(best24Hours: best, worst24Hours: worst);

        if (allowed)
        {
            record().Best24Hours.ShouldBe(best);
        }
        else
        {
            Should.Throw<DomainException>(record).Message.ShouldBe("Pain at its best cannot be higher than pain at its worst.");
        }
    }

    [Theory]
    [InlineData("  Sitting over 30 min ", "Sitting over 30 min")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Aggravating_and_easing_factors_are_trimmed_and_blank_is_not_asked(string? given, string? kept)
    {
        var pain = new PainFindings(aggravating: given, easing: given);

        (pain.Aggravating, pain.Easing).ShouldBe((kept, kept));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_factor_over_the_limit_is_refused(bool aggravating)
    {
        var atLimit = new string('x', PainFindings.FactorsMaxLength);
        var tooLong = atLimit + "x";

        Should.Throw<DomainException>(() => aggravating ? new PainFindings(aggravating: tooLong) : new PainFindings(easing: tooLong))
            .Message.ShouldBe($"{(aggravating ? "Aggravating" : "Easing")} factors must be at most {PainFindings.FactorsMaxLength} characters.");
        new PainFindings(aggravating: atLimit, easing: $"  {atLimit}  ").Easing.ShouldBe(atLimit);
    }
}
