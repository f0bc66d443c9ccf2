using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>
/// LEFS: 20 activities, each rated 0 (extreme difficulty) to 4 (no difficulty); the score is the sum, 0 to 80.
/// Every item is required: a missing item would read as "extreme difficulty" and understate function.
/// </summary>
public sealed class LefsResponse : OutcomeResponse
{
    public const int ItemCount = 20;
    public const int MaxItemRating = 4;

    private readonly int[] _items;

    private LefsResponse(int[] items) => _items = items;

    /// <summary>The ratings in questionnaire order (item 1 first).</summary>
    public IReadOnlyList<int> Items => _items;

    public override OutcomeMeasure Measure => OutcomeMeasure.Lefs;

    public override decimal Score => _items.Sum();

    public static LefsResponse From(IReadOnlyList<int> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count != ItemCount)
        {
            throw new DomainException($"LEFS needs all {ItemCount} items answered; {items.Count} were given.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is < 0 or > MaxItemRating)
            {
                throw new DomainException($"LEFS item {i + 1} must be 0 to {MaxItemRating}.");
            }
        }

        return new LefsResponse([.. items]);
    }
}
