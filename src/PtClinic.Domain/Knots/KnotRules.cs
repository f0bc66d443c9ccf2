namespace PtClinic.Domain.Knots;

/// <summary>Where a tracked knot stands after the latest signed visit that palpated it.</summary>
public enum KnotState
{
    /// <summary>Found for the first time at the latest assessment.</summary>
    New,

    /// <summary>Present again, tenderness within the tolerance of where it was.</summary>
    Persisting,

    /// <summary>Present again and less tender, beyond the tolerance.</summary>
    Improving,

    /// <summary>Present again and more tender, beyond the tolerance.</summary>
    Worsening,

    /// <summary>Palpated and not found at the latest assessment.</summary>
    Resolved,

    /// <summary>Found again after it had resolved, in the same episode or a later one.</summary>
    Recurred,
}

/// <summary>Why a knot needs more than more of the same. A site can carry several.</summary>
[Flags]
public enum KnotFlags
{
    None = 0,

    /// <summary>It has come back <see cref="KnotRules.RepeatedRecurrences"/> times or more.</summary>
    RecurredRepeatedly = 1,

    /// <summary>It came back within <see cref="KnotRules.SoonAfterResolvingDays"/> days of resolving.</summary>
    RecurredSoon = 2,

    /// <summary>Present at <see cref="KnotRules.TrendWindow"/> assessments in a row without improving.</summary>
    NotImproving = 4,
}

/// <summary>What a flagged knot calls for (DESIGN §2): the plan of care and the note offer these.</summary>
public enum KnotEscalation
{
    /// <summary>A structured program: strengthening and stretching aimed at the knot's causes, not only release.</summary>
    StructuredProgram,

    /// <summary>Dry needling, where the patient is eligible: the safety rules decide, not this rule.</summary>
    DryNeedling,

    /// <summary>Pain that persists despite treatment is a refer-to-doctor flag.</summary>
    DoctorReferral,
}

/// <summary>
/// The rules that turn a site's signed history into its state and flags, in one place. The numbers
/// are clinical choices, named here so the scenario tests and the help text quote the same ones.
/// </summary>
public static class KnotRules
{
    /// <summary>
    /// A tenderness change of one point (0–10) between visits is within what two palpations of the
    /// same knot differ by; a trend is a change beyond it, two points or more.
    /// </summary>
    public const int TendernessTolerance = 1;

    /// <summary>The trend compares the latest tenderness with the first of the last this many assessments of the current run.</summary>
    public const int TrendWindow = 4;

    public const int RepeatedRecurrences = 2;

    public const int SoonAfterResolvingDays = 30;

    /// <summary>Improving, Worsening or Persisting: the change over the trend window against the tolerance.</summary>
    public static KnotState TrendOf(int change) =>
        change < -TendernessTolerance ? KnotState.Improving
        : change > TendernessTolerance ? KnotState.Worsening
        : KnotState.Persisting;

    /// <summary>
    /// The flags of a site as it stands. Flags are about what to do now, so a resolved site carries
    /// none; its recurrence count stays in its history.
    /// </summary>
    public static KnotFlags FlagsOf(KnotState state, int recurrences, int? daysToLastRecurrence, bool currentRunIsRecurrence, int presentInARow, int trendChange)
    {
        if (state == KnotState.Resolved)
        {
            return KnotFlags.None;
        }

        var flags = KnotFlags.None;
        if (recurrences >= RepeatedRecurrences)
        {
            flags |= KnotFlags.RecurredRepeatedly;
        }

        if (currentRunIsRecurrence && daysToLastRecurrence <= SoonAfterResolvingDays)
        {
            flags |= KnotFlags.RecurredSoon;
        }

        if (presentInARow >= TrendWindow && TrendOf(trendChange) != KnotState.Improving)
        {
            flags |= KnotFlags.NotImproving;
        }

        return flags;
    }

    /// <summary>
    /// A knot that keeps coming back or will not settle calls for a structured program and, where
    /// the patient is eligible, dry needling; one that does not improve also for a doctor's opinion.
    /// </summary>
    public static IReadOnlyList<KnotEscalation> EscalationsFor(KnotFlags flags) =>
        flags == KnotFlags.None ? []
        : flags.HasFlag(KnotFlags.NotImproving) ? [KnotEscalation.StructuredProgram, KnotEscalation.DryNeedling, KnotEscalation.DoctorReferral]
        : [KnotEscalation.StructuredProgram, KnotEscalation.DryNeedling];

    /// <summary>"came back twice", "came back 12 days after resolving", "4 visits without improving".</summary>
    public static IReadOnlyList<string> Describe(KnotTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        var reasons = new List<string>();
        if (track.Flags.HasFlag(KnotFlags.RecurredRepeatedly))
        {
            reasons.Add($"came back {Times(track.RecurrenceCount)}");
        }

        if (track.Flags.HasFlag(KnotFlags.RecurredSoon))
        {
            reasons.Add($"came back {Days(track.DaysToLastRecurrence ?? 0)} after resolving");
        }

        if (track.Flags.HasFlag(KnotFlags.NotImproving))
        {
            reasons.Add($"present at {track.PresentInARow} visits in a row without improving");
        }

        return reasons;
    }

    public static string Describe(KnotEscalation escalation) => escalation switch
    {
        KnotEscalation.StructuredProgram => "a structured program (strengthening and stretching for its causes)",
        KnotEscalation.DryNeedling => "dry needling, if the patient is eligible",
        KnotEscalation.DoctorReferral => "a doctor's referral, as it persists despite treatment",
        _ => throw new ArgumentOutOfRangeException(nameof(escalation), escalation, null),
    };

    private static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
