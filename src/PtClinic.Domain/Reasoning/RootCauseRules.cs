using System.Globalization;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Reasoning;

/// <summary>
/// One reason to suspect a cause. <paramref name="When"/> says in words what makes it fire, so a
/// clinic can read the table; <paramref name="Evidence"/> returns what in these findings made it
/// fire (nothing when it does not).
/// </summary>
public sealed record RootCauseRule(
    RootCause Cause,
    string When,
    int Weight,
    Func<Findings, IEnumerable<string>> Evidence);

/// <summary>
/// Why a cause is proposed: every rule the engine applies, with its threshold and weight, in one
/// place. A cause's score is the sum of the weights of its rules that fired. Weights favour the
/// findings a therapist measures or sees (load spike, guarding, a flexibility deficit) over
/// single lifestyle answers.
/// </summary>
public static class RootCauseRules
{
    public const decimal LongSittingHoursPerDay = 8;
    public const int LowActiveDaysPerWeek = 2;
    public const int TrainingLoadSpikePercent = 30;
    public const int WeakMuscleTestGrade = 4;
    public const int FlexibilityShortfallDegrees = 15;
    public const int SideToSideDifferenceDegrees = 15;

    public static IReadOnlyList<RootCauseRule> All { get; } =
    [
        new(RootCause.SedentaryLifestyle, $"sits {LongSittingHoursPerDay} h/day or more", Weight: 3,
            f => f.Lifestyle?.HoursSittingPerDay is { } hours && hours >= LongSittingHoursPerDay
                ? [Text($"sits {hours:0.#} h/day")]
                : []),

        new(RootCause.SedentaryLifestyle, $"active on {LowActiveDaysPerWeek} days a week or fewer", Weight: 2,
            f => f.Lifestyle?.ActiveDaysPerWeek is { } days && days <= LowActiveDaysPerWeek
                ? [Text($"active {days} {(days == 1 ? "day" : "days")}/week")]
                : []),

        new(RootCause.Overexertion, $"training load up {TrainingLoadSpikePercent} % or more in 4 weeks", Weight: 3,
            f => f.Lifestyle?.TrainingLoadChangePercentOver4Weeks is { } change && change >= TrainingLoadSpikePercent
                ? [Text($"training load +{change} % in 4 weeks")]
                : []),

        new(RootCause.Overexertion, "does not warm up before exercise", Weight: 1,
            f => f.Lifestyle?.WarmsUpBeforeExercise == false ? ["no warm-up before exercise"] : []),

        new(RootCause.PoorPosture, "any posture finding", Weight: 2,
            f => f.Posture.Order().Select(Describe)),

        new(RootCause.MuscleGuarding, "muscle guarding observed", Weight: 3,
            f => f.MuscleGuarding is { Observed: true } guarding
                ? [guarding.Note is null ? "muscle guarding observed" : $"muscle guarding observed: {guarding.Note}"]
                : []),

        new(RootCause.Weakness, $"manual muscle test {WeakMuscleTestGrade}/5 or lower", Weight: 2,
            f => f.Strength
                .Where(s => s.Grade <= WeakMuscleTestGrade)
                .OrderBy(s => s.MuscleGroup).ThenBy(s => s.Side)
                .Select(s => Text($"{Describe(s.MuscleGroup)} {s.Grade}/5{Describe(s.Side)}"))),

        new(RootCause.ReducedFlexibility, $"a flexibility test {FlexibilityShortfallDegrees}° or more short of normal", Weight: 3,
            f => f.RangeOfMotion
                .Where(r => r.WorstShortfallFromNormal >= FlexibilityShortfallDegrees)
                .Select(Describe)),

        new(RootCause.ReducedFlexibility, $"left and right differ by {SideToSideDifferenceDegrees}° or more", Weight: 2,
            f => f.RangeOfMotion
                .Where(r => r.SideToSideDifference >= SideToSideDifferenceDegrees)
                .Select(Describe)),
    ];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Describe(RangeOfMotionFinding rom) =>
        Text($"{rom.Reference.Label} {rom.LeftDegrees}° left vs {rom.RightDegrees}° right");

    private static string Describe(PostureObservation posture) => posture switch
    {
        PostureObservation.AnteriorPelvicTilt => "anterior pelvic tilt",
        PostureObservation.PosteriorPelvicTilt => "posterior pelvic tilt",
        PostureObservation.IncreasedLordosis => "increased lumbar lordosis",
        PostureObservation.FlatBack => "flat back",
        PostureObservation.Swayback => "swayback",
        PostureObservation.SlumpedSitting => "slumped sitting",
        PostureObservation.ForwardHeadPosture => "forward head posture",
        PostureObservation.KneeHyperextension => "knee hyperextension",
        _ => posture.ToString(),
    };

    private static string Describe(MuscleGroup muscle) => muscle switch
    {
        MuscleGroup.Hamstrings => "hamstrings",
        MuscleGroup.GluteusMaximus => "gluteus maximus",
        MuscleGroup.GluteusMedius => "gluteus medius",
        MuscleGroup.Quadriceps => "quadriceps",
        MuscleGroup.Core => "core",
        _ => muscle.ToString(),
    };

    private static string Describe(BodySide side) => side switch
    {
        BodySide.Left => " left",
        BodySide.Right => " right",
        BodySide.Bilateral => " both sides",
        _ => string.Empty,
    };
}
