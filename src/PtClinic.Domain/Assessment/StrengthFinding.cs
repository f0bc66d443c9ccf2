using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Assessment;

public enum MuscleGroup
{
    Hamstrings,
    GluteusMaximus,
    GluteusMedius,
    Quadriceps,
    Core,
}

/// <summary>A manual muscle test (Oxford scale 0–5) of one muscle group on one side.</summary>
public sealed record StrengthFinding
{
    public const int MinGrade = 0;
    public const int MaxGrade = 5;

    public StrengthFinding(MuscleGroup muscleGroup, BodySide side, int grade)
    {
        if (grade is < MinGrade or > MaxGrade)
        {
            throw new DomainException($"A manual muscle test grade must be between {MinGrade} and {MaxGrade}.");
        }

        // Limb muscles are tested per leg; the core is one group, so it has no side.
        var sideFits = muscleGroup == MuscleGroup.Core
            ? side is BodySide.NotApplicable or BodySide.Bilateral
            : side is BodySide.Left or BodySide.Right or BodySide.Bilateral;
        if (!sideFits)
        {
            throw new DomainException(muscleGroup == MuscleGroup.Core
                ? "Core strength is recorded without a side."
                : "Record which side was tested (left, right or both).");
        }

        MuscleGroup = muscleGroup;
        Side = side;
        Grade = grade;
    }

    /// <summary>
    /// The values exactly as an earlier note stored them, without today's rules: a rule tightened
    /// since must not make a signed note unreadable. Never for new input, which goes through the
    /// constructor.
    /// </summary>
    public static StrengthFinding AsRecorded(MuscleGroup muscleGroup, BodySide side, int grade) =>
        new() { MuscleGroup = muscleGroup, Side = side, Grade = grade };

    private StrengthFinding()
    {
    }

    public MuscleGroup MuscleGroup { get; private init; }

    public BodySide Side { get; private init; }

    public int Grade { get; private init; }
}
