using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>
/// How far a patient has moved on one measure since baseline, and whether that movement is a
/// clinically important improvement (at least the MCID in the better direction), which is what
/// progress notes, re-evaluations and payers ask for.
/// </summary>
public sealed record OutcomeChange
{
    private OutcomeChange(OutcomeMeasureDefinition definition, decimal baseline, decimal current)
    {
        Definition = definition;
        Baseline = baseline;
        Current = current;
    }

    public OutcomeMeasureDefinition Definition { get; }

    public OutcomeMeasure Measure => Definition.Measure;

    public decimal Baseline { get; }

    public decimal Current { get; }

    /// <summary>Current minus baseline in the measure's units: an NPRS drop from 7 to 4 is -3, a LEFS rise from 40 to 52 is +12.</summary>
    public decimal Change => Current - Baseline;

    /// <summary>The change in the better direction, so it is positive for any improvement whatever the measure's direction.</summary>
    public decimal Improvement => Definition.Direction == ScoreDirection.HigherIsBetter ? Change : -Change;

    public bool IsImprovement => Improvement > 0;

    /// <summary>Improved by at least the MCID; a worsening, however large, never reaches it.</summary>
    public bool ReachesMcid => Improvement >= Definition.Mcid;

    public static OutcomeChange Between(OutcomeMeasure measure, decimal baseline, decimal current)
    {
        var definition = OutcomeMeasureDefinition.For(measure);
        EnsureInRange(definition, baseline, "baseline");
        EnsureInRange(definition, current, "current");
        return new OutcomeChange(definition, baseline, current);
    }

    public static OutcomeChange Between(OutcomeResponse baseline, OutcomeResponse current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Measure != current.Measure)
        {
            throw new DomainException(
                $"The baseline is {baseline.Definition.Abbreviation} and the current score is {current.Definition.Abbreviation}; " +
                "only scores of the same measure can be compared.");
        }

        return Between(baseline.Measure, baseline.Score, current.Score);
    }

    private static void EnsureInRange(OutcomeMeasureDefinition definition, decimal score, string which)
    {
        if (score < definition.Minimum || score > definition.Maximum)
        {
            throw new DomainException(
                $"The {which} {definition.Abbreviation} score must be {definition.Minimum} to {definition.Maximum}.");
        }
    }
}
