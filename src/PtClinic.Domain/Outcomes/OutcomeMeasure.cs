namespace PtClinic.Domain.Outcomes;

/// <summary>The standardised outcome measures the clinic scores. Each has one row in <see cref="OutcomeMeasureDefinition"/>.</summary>
public enum OutcomeMeasure
{
    /// <summary>Numeric Pain Rating Scale.</summary>
    Nprs,

    /// <summary>Lower Extremity Functional Scale.</summary>
    Lefs,

    /// <summary>Patient-Specific Functional Scale.</summary>
    Psfs,

    /// <summary>Oswestry Disability Index.</summary>
    Odi,
}

/// <summary>Which way a score moves when the patient gets better: pain and disability fall, function rises.</summary>
public enum ScoreDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// What a measure's score means: its range, which way is better, and its MCID (minimal clinically
/// important difference: the smallest change a patient notices as real, not measurement noise).
/// The whole table is here so the numbers can be checked against the literature in one place.
/// </summary>
public sealed record OutcomeMeasureDefinition(
    OutcomeMeasure Measure,
    string Abbreviation,
    string Name,
    decimal Minimum,
    decimal Maximum,
    decimal Mcid,
    ScoreDirection Direction,
    string Units)
{
    private static readonly Dictionary<OutcomeMeasure, OutcomeMeasureDefinition> All = new[]
    {
        new OutcomeMeasureDefinition(OutcomeMeasure.Nprs, "NPRS", "Numeric Pain Rating Scale", 0, 10, 2, ScoreDirection.LowerIsBetter, "points"),
        new OutcomeMeasureDefinition(OutcomeMeasure.Lefs, "LEFS", "Lower Extremity Functional Scale", 0, 80, 9, ScoreDirection.HigherIsBetter, "points"),
        new OutcomeMeasureDefinition(OutcomeMeasure.Psfs, "PSFS", "Patient-Specific Functional Scale", 0, 10, 2, ScoreDirection.HigherIsBetter, "points"),
        new OutcomeMeasureDefinition(OutcomeMeasure.Odi, "ODI", "Oswestry Disability Index", 0, 100, 10, ScoreDirection.LowerIsBetter, "percentage points"),
    }.ToDictionary(d => d.Measure);

    public static IReadOnlyCollection<OutcomeMeasureDefinition> Measures => All.Values;

    public static OutcomeMeasureDefinition For(OutcomeMeasure measure) =>
        All.TryGetValue(measure, out var definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a scored outcome measure.");
}
