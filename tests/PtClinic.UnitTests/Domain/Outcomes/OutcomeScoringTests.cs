using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class OutcomeScoringTests
{
    private static int?[] Full(int count, int rating) => [.. Enumerable.Repeat<int?>(rating, count)];

    public static TheoryData<string, OutcomeMeasure, int?[], string[], decimal> Scored => new()
    {
        { "LEFS, every item", OutcomeMeasure.Lefs, Full(20, 3), [], 60m },
        { "NPRS", OutcomeMeasure.Nprs, [0], [], 0m },
        { "ODI, one section blank", OutcomeMeasure.Odi, [1, 2, 3, 4, 5, 0, 1, null, 2, 3], [], 21m / 45 * 100 },
        { "PSFS, names trimmed", OutcomeMeasure.Psfs, [3, 4, 4], [" Run ", "Kneel", "Squat"], 11m / 3 },
    };

    [Theory]
    [MemberData(nameof(Scored))]
    public void Complete_answers_are_scored_by_the_measures_own_response(string because, OutcomeMeasure measure, int?[] ratings, string[] names, decimal score)
    {
        var response = OutcomeScoring.Score(measure, ratings, names);

        response.Measure.ShouldBe(measure, because);
        response.Score.ShouldBe(score, because);
    }

    public static TheoryData<string, OutcomeMeasure, int?[], string[], string> Refused => new()
    {
        { "LEFS with two blanks", OutcomeMeasure.Lefs, [.. Full(18, 3), null, null], [], "LEFS needs all 20 items answered; 18 were given." },
        { "LEFS with a blank in a 21st slot", OutcomeMeasure.Lefs, [.. Full(20, 3), null], [], "LEFS needs all 20 items answered; 21 were given." },
        { "NPRS with no rating", OutcomeMeasure.Nprs, [null], [], "NPRS needs the pain rating, 0 to 10." },
        { "NPRS out of range", OutcomeMeasure.Nprs, [11], [], "NPRS pain rating must be 0 to 10." },
        { "ODI with two blanks", OutcomeMeasure.Odi, [1, 2, 3, 4, 5, 0, null, null, 2, 3], [], "ODI" },
        { "ODI naming activities", OutcomeMeasure.Odi, Full(10, 1), ["x"], "Only PSFS answers name activities" },
        { "PSFS activity unrated", OutcomeMeasure.Psfs, [3, null, 4], ["Run", "Kneel", "Squat"], "PSFS activity 2 (Kneel) needs a rating, 0 to 10." },
        { "PSFS with two activities", OutcomeMeasure.Psfs, [3, 4], ["Run", "Kneel"], "PSFS needs 3 to 5 activities; 2 were given." },
        { "PSFS names and ratings unpaired", OutcomeMeasure.Psfs, [3, 4, 5], ["Run", "Kneel"], "one activity name per rating" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Incomplete_or_invalid_answers_are_refused_with_a_message_for_the_therapist(
        string because, OutcomeMeasure measure, int?[] ratings, string[] names, string message)
    {
        Should.Throw<DomainException>(() => OutcomeScoring.Score(measure, ratings, names), because)
            .Message.ShouldContain(message, Case.Sensitive, because);
    }
}
