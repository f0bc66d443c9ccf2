namespace PtClinic.Domain.Reasoning;

/// <summary>
/// The root causes the reasoning engine knows. The order is the tie-break when two causes score
/// the same, so it stays stable for a clinic reading the list.
/// </summary>
public enum RootCause
{
    SedentaryLifestyle,
    Overexertion,
    PoorPosture,
    MuscleGuarding,
    Weakness,
    ReducedFlexibility,
}

/// <summary>A proposed cause: never a diagnosis until the therapist confirms it.</summary>
public sealed record CauseHypothesis(RootCause Cause, int Score, IReadOnlyList<string> Evidence);
