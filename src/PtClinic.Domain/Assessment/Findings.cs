using PtClinic.Domain.Common;

namespace PtClinic.Domain.Assessment;

/// <summary>
/// Everything an assessment found that the reasoning rules read. Every part is optional: an empty
/// part means "not assessed". Build with <see cref="None"/> and <c>with</c>.
/// </summary>
public sealed record Findings
{
    public static Findings None { get; } = new();

    public PainFindings? Pain { get; init; }

    public LifestyleFindings? Lifestyle { get; init; }

    public IReadOnlyList<RangeOfMotionFinding> RangeOfMotion
    {
        get;
        init => field = value.GroupBy(f => f.Test).Any(g => g.Count() > 1)
            ? throw new DomainException("Record each flexibility test once per assessment.")
            : [.. value];
    } = [];

    public IReadOnlyList<StrengthFinding> Strength
    {
        get;
        init => field = value.GroupBy(f => (f.MuscleGroup, f.Side)).Any(g => g.Count() > 1)
            ? throw new DomainException("Record each muscle group once per side.")
            : [.. value];
    } = [];

    public IReadOnlySet<PostureObservation> Posture { get; init => field = new HashSet<PostureObservation>(value); } =
        new HashSet<PostureObservation>();

    public MuscleGuardingFinding? MuscleGuarding { get; init; }

    public IReadOnlySet<RedFlag> RedFlags { get; init => field = new HashSet<RedFlag>(value); } =
        new HashSet<RedFlag>();

    /// <summary>Infection, broken skin or acute inflammation at the area to be treated.</summary>
    public TreatmentAreaFindings TreatmentArea { get; init => field = value ?? TreatmentAreaFindings.None; } = TreatmentAreaFindings.None;
}
