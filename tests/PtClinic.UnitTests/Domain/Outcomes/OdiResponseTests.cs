using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class OdiResponseTests
{
    private static int?[] Sections(int? each) => Enumerable.Repeat(each, OdiResponse.SectionCount).ToArray();

    private static int?[] SectionsWith(int? each, params (int Number, int? Rating)[] changes)
    {
        var sections = Sections(each);
        foreach (var (number, rating) in changes)
        {
            sections[number - 1] = rating;
        }

        return sections;
    }

    public static TheoryData<int?[], decimal> Scores => new()
    {
        { Sections(0), 0m },
        { Sections(5), 100m },
        { Sections(2), 40m },
        { [0, 1, 2, 3, 4, 5, 0, 1, 2, 3], 42m },
        // One section blank: the denominator is 45, not 50.
        { SectionsWith(5, (8, null)), 100m },
        { SectionsWith(2, (8, null)), 40m },
        { SectionsWith(0, (8, null), (1, 5), (2, 5), (3, 5), (4, 2)), 17m / 45 * 100 },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public void The_score_is_the_percentage_of_the_points_possible_in_the_answered_sections(int?[] sections, decimal expected) =>
        OdiResponse.From(sections).Score.ShouldBe(expected);

    [Fact]
    public void One_blank_section_shrinks_the_denominator_and_is_shown_to_one_decimal()
    {
        var response = OdiResponse.From(SectionsWith(0, (8, null), (1, 5), (2, 5), (3, 5), (4, 2)));

        response.AnsweredSections.ShouldBe(9);
        response.DisplayScore.ShouldBe(37.8m);
    }

    [Fact]
    public void Two_blank_sections_are_refused_naming_them() =>
        Should.Throw<DomainException>(() => OdiResponse.From(SectionsWith(2, (3, null), (8, null))))
            .Message.ShouldBe("ODI can be scored with at most 1 section left blank; sections 3, 8 are blank.");

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void A_questionnaire_without_10_sections_is_refused(int count) =>
        Should.Throw<DomainException>(() => OdiResponse.From(Enumerable.Repeat<int?>(2, count).ToArray()))
            .Message.ShouldBe($"ODI has 10 sections; {count} were given.");

    [Theory]
    [InlineData(1, -1)]
    [InlineData(10, 6)]
    public void A_section_outside_0_to_5_is_refused_by_its_number(int number, int rating) =>
        Should.Throw<DomainException>(() => OdiResponse.From(SectionsWith(2, (number, rating))))
            .Message.ShouldBe($"ODI section {number} must be 0 to 5.");
}
