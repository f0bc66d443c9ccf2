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

    /// <summary>
    /// The values exactly as an earlier note stored them, without today's rules: a rule tightened
    /// since must not make a signed note unreadable. Never for new input, which goes through the
    /// constructor.
    /// </summary>
    public static MuscleGuardingFinding AsRecorded(bool observed, string? note) => new() { Observed = observed, Note = note };

    private MuscleGuardingFinding()
    {
    }

    public bool Observed { get; private init; }

    public string? Note { get; private init; }
}
