using PtClinic.Domain.Common;

namespace PtClinic.Domain.Assessment;

/// <summary>
/// The patient's pain on the NPRS (0–10): now, and the best and worst of the last 24 hours, with what
/// makes it worse and better in their words. Every part is optional (null: not asked).
/// </summary>
public sealed record PainFindings
{
    public const int MaxRating = 10;
    public const int FactorsMaxLength = 500;

    public PainFindings(int? now = null, int? best24Hours = null, int? worst24Hours = null, string? aggravating = null, string? easing = null)
    {
        foreach (var (label, rating) in new[] { ("now", now), ("at its best in the last 24 h", best24Hours), ("at its worst in the last 24 h", worst24Hours) })
        {
            if (rating is < 0 or > MaxRating)
            {
                throw new DomainException($"Pain {label} must be rated 0 to {MaxRating}.");
            }
        }

        if (best24Hours > worst24Hours)
        {
            throw new DomainException("Pain at its best cannot be higher than pain at its worst.");
        }

        // Now is part of the last 24 hours.
        if (now < best24Hours || now > worst24Hours)
        {
            throw new DomainException("Pain now must lie between its best and its worst of the last 24 hours.");
        }

        Now = now;
        Best24Hours = best24Hours;
        Worst24Hours = worst24Hours;
        Aggravating = Guard.Optional(aggravating, "Aggravating factors", FactorsMaxLength);
        Easing = Guard.Optional(easing, "Easing factors", FactorsMaxLength);
    }

    /// <summary>
    /// The values exactly as an earlier note stored them, without today's rules: a rule tightened
    /// since must not make a signed note unreadable. Never for new input, which goes through the
    /// constructor.
    /// </summary>
    public static PainFindings AsRecorded(int? now, int? best24Hours, int? worst24Hours, string? aggravating, string? easing) => new()
    {
        Now = now, Best24Hours = best24Hours, Worst24Hours = worst24Hours, Aggravating = aggravating, Easing = easing,
    };

    private PainFindings()
    {
    }

    public int? Now { get; private init; }

    public int? Best24Hours { get; private init; }

    public int? Worst24Hours { get; private init; }

    public string? Aggravating { get; private init; }

    public string? Easing { get; private init; }
}
