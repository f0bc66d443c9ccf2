using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>NPRS: the patient rates pain from 0 (no pain) to 10 (worst imaginable), whole numbers only.</summary>
public sealed class NprsResponse : OutcomeResponse
{
    public const int MaxRating = 10;

    private NprsResponse(int rating) => Rating = rating;

    public int Rating { get; }

    public override OutcomeMeasure Measure => OutcomeMeasure.Nprs;

    public override decimal Score => Rating;

    public static NprsResponse From(int rating) =>
        rating is >= 0 and <= MaxRating
            ? new NprsResponse(rating)
            : throw new DomainException($"NPRS pain rating must be 0 to {MaxRating}.");
}
