using PtClinic.Domain.Common;

namespace PtClinic.Domain.Assessment;

/// <summary>The hamstring flexibility tests the clinic records.</summary>
public enum RangeOfMotionTest
{
    /// <summary>Hip flexion with the knee straight, patient lifting the leg; measured in degrees of hip flexion.</summary>
    ActiveStraightLegRaise,

    /// <summary>Hip held at 90°, the therapist extends the knee; measured as the knee's extension deficit.</summary>
    PassiveKneeExtension,

    /// <summary>Hip and knee at 90°/90°, the patient extends the knee; measured as the knee's extension deficit.</summary>
    NinetyNinety,
}

/// <summary>Whether a test is read as an angle reached (more is better) or as a deficit (less is better).</summary>
public enum RangeOfMotionMeasure
{
    AngleReached,
    ExtensionDeficit,
}

/// <summary>
/// The normal value a test is compared with, and how a therapist names it in a note.
/// </summary>
public sealed record RangeOfMotionReference(
    RangeOfMotionTest Test,
    string Label,
    RangeOfMotionMeasure Measure,
    int NormalDegrees,
    int MaxDegrees)
{
    /// <summary>How many degrees a side falls short of normal (0 when it is normal or better).</summary>
    public int ShortfallFromNormal(int degrees) => Math.Max(0, Measure == RangeOfMotionMeasure.AngleReached
        ? NormalDegrees - degrees
        : degrees - NormalDegrees);
}

/// <summary>
/// Normal values, in one table so a clinic can see and tune them. They are the commonly quoted
/// clinical cut-offs for adults, not population means:
/// active straight-leg raise about 80° of hip flexion; passive knee extension and the 90-90 test
/// within 20° of full knee extension (a deficit above 20° is read as hamstring tightness).
/// </summary>
public static class RangeOfMotionReferences
{
    public static IReadOnlyList<RangeOfMotionReference> All { get; } =
    [
        new(RangeOfMotionTest.ActiveStraightLegRaise, "active SLR", RangeOfMotionMeasure.AngleReached, NormalDegrees: 80, MaxDegrees: 180),
        new(RangeOfMotionTest.PassiveKneeExtension, "passive knee extension deficit", RangeOfMotionMeasure.ExtensionDeficit, NormalDegrees: 20, MaxDegrees: 90),
        new(RangeOfMotionTest.NinetyNinety, "90-90 knee extension deficit", RangeOfMotionMeasure.ExtensionDeficit, NormalDegrees: 20, MaxDegrees: 90),
    ];

    public static RangeOfMotionReference For(RangeOfMotionTest test) =>
        All.SingleOrDefault(r => r.Test == test)
        ?? throw new DomainException($"There is no reference value for the {test} test.");
}

/// <summary>One flexibility test, measured on both legs.</summary>
public sealed record RangeOfMotionFinding
{
    public RangeOfMotionFinding(RangeOfMotionTest test, int leftDegrees, int rightDegrees)
    {
        var reference = RangeOfMotionReferences.For(test);
        foreach (var (side, degrees) in new[] { ("left", leftDegrees), ("right", rightDegrees) })
        {
            if (degrees < 0 || degrees > reference.MaxDegrees)
            {
                throw new DomainException($"The {side} {reference.Label} must be between 0° and {reference.MaxDegrees}°.");
            }
        }

        Test = test;
        LeftDegrees = leftDegrees;
        RightDegrees = rightDegrees;
    }

    /// <summary>
    /// The values exactly as an earlier note stored them, without today's rules: a rule tightened
    /// since must not make a signed note unreadable. Never for new input, which goes through the
    /// constructor.
    /// </summary>
    public static RangeOfMotionFinding AsRecorded(RangeOfMotionTest test, int leftDegrees, int rightDegrees) =>
        new() { Test = test, LeftDegrees = leftDegrees, RightDegrees = rightDegrees };

    private RangeOfMotionFinding()
    {
    }

    public RangeOfMotionTest Test { get; private init; }

    public int LeftDegrees { get; private init; }

    public int RightDegrees { get; private init; }

    public RangeOfMotionReference Reference => RangeOfMotionReferences.For(Test);

    public int SideToSideDifference => Math.Abs(LeftDegrees - RightDegrees);

    /// <summary>The larger of the two sides' shortfall from normal.</summary>
    public int WorstShortfallFromNormal =>
        Math.Max(Reference.ShortfallFromNormal(LeftDegrees), Reference.ShortfallFromNormal(RightDegrees));
}
