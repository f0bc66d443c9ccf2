using PtClinic.Domain.Common;

namespace PtClinic.Domain.Assessment;

public enum PostureObservation
{
    AnteriorPelvicTilt,
    PosteriorPelvicTilt,
    IncreasedLordosis,
    FlatBack,
    Swayback,
    SlumpedSitting,
    ForwardHeadPosture,
    KneeHyperextension,
}

/// <summary>Warning signs that something other than a muscle problem may be going on.</summary>
public enum RedFlag
{
    Numbness,
    Weakness,
    NightPain,
    Fever,
    UnexplainedWeightLoss,
    BladderOrBowelChange,

    /// <summary>A warm, swollen calf may be a deep-vein thrombosis, not a knot.</summary>
    CalfSwellingWithWarmth,
}

/// <summary>A protective, involuntary contraction after injury or strain, as the therapist saw it.</summary>
public sealed record MuscleGuardingFinding
{
    public const int NoteMaxLength = 200;

    public MuscleGuardingFinding(bool observed, string? note = null)
    {
        Observed = observed;
        Note = Guard.Optional(note, "The muscle-guarding note", NoteMaxLength);
    }

    public bool Observed { get; }

    public string? Note { get; }
}
