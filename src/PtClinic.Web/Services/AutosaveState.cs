using PtClinic.Application.Common.Results;

namespace PtClinic.Web.Services;

public enum AutosaveStatus
{
    /// <summary>Nothing changed since the page opened, and nothing had been saved before.</summary>
    Unchanged,
    Saving,
    Saved,
    /// <summary>A save failed; it is kept and tried again.</summary>
    Retrying,
    /// <summary>A field was refused; it is shown beside the field and not retried.</summary>
    Invalid,
    /// <summary>Someone else saved the record first; nothing more is sent for it.</summary>
    Conflict,
}

/// <summary><see cref="Problem"/> is what to tell the person, when there is something to tell.</summary>
public sealed record AutosaveState(AutosaveStatus Status, DateTimeOffset? SavedAt, Error? Problem);

/// <summary>What became of a change confirmed in a dialog, at its first attempt.</summary>
public sealed record SubmitOutcome(AutosaveStatus Status, Error? Error);

/// <summary>How long a pause in editing is, and how long to wait after the n-th failure in a row.</summary>
public sealed record AutosaveTiming(TimeSpan Pause, TimeSpan FirstRetry, TimeSpan LongestRetry)
{
    /// <summary>
    /// A short pause (the browser already waits for one before it sends the text), and retries
    /// soon enough that a database back after a blip gets the changes within seconds.
    /// </summary>
    public static AutosaveTiming Default { get; } = new(TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

    public TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
}
