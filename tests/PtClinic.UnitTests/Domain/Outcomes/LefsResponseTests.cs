using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.UnitTests.Domain.Outcomes;

public sealed class LefsResponseTests
{
    private static int[] Items(int each) => Enumerable.Repeat(each, LefsResponse.ItemCount).ToArray();

    private static int[] ItemsWith(int itemNumber, int rating)
    {
        var items = Items(2);
        items[itemNumber - 1] = rating;
        return items;
    }

    public static TheoryData<int[], int> Scores => new()
    {
        { Items(0), 0 },
        { Items(4), 80 },
        { Items(2), 40 },
        { [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4], 40 },
        { ItemsWith(20, 0), 38 },
        { [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 70 },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public void The_score_is_the_sum_of_the_20_items(int[] items, int expected)
    {
        var response = LefsResponse.From(items);

        response.Score.ShouldBe(expected);
        response.Items.ShouldBe(items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(21)]
    public void Every_one_of_the_20_items_is_required(int count) =>
        Should.Throw<DomainException>(() => LefsResponse.From(Enumerable.Repeat(2, count).ToArray()))
            .Message.ShouldBe($"LEFS needs all 20 items answered; {count} were given.");

    [Theory]
    [InlineData(1, -1)]
    [InlineData(7, 5)]
    [InlineData(20, 9)]
    public void An_item_outside_0_to_4_is_refused_by_its_number(int itemNumber, int rating) =>
        Should.Throw<DomainException>(() => LefsResponse.From(ItemsWith(itemNumber, rating)))
            .Message.ShouldBe($"LEFS item {itemNumber} must be 0 to 4.");

    [Fact]
    public void Changing_the_answers_afterwards_does_not_change_the_score()
    {
        var items = Items(3);
        var response = LefsResponse.From(items);

        items[0] = 0;

        response.Score.ShouldBe(60);
    }
}
