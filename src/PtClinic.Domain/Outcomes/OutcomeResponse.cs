namespace PtClinic.Domain.Outcomes;

/// <summary>
/// A patient's completed questionnaire, validated item by item and scored here, never by the UI,
/// so every screen, report and chart shows the same number for the same answers.
/// </summary>
public abstract class OutcomeResponse
{
    public abstract OutcomeMeasure Measure { get; }

    /// <summary>The precise score in the measure's units; compare and chart with this one.</summary>
    public abstract decimal Score { get; }

    /// <summary>The score as a therapist reads it (one decimal); averages like PSFS and ODI seldom come out whole.</summary>
    public decimal DisplayScore => Math.Round(Score, 1, MidpointRounding.AwayFromZero);

    public OutcomeMeasureDefinition Definition => OutcomeMeasureDefinition.For(Measure);
}
