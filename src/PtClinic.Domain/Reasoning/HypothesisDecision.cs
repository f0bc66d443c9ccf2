using PtClinic.Domain.Common;

namespace PtClinic.Domain.Reasoning;

public enum HypothesisVerdict
{
    Confirmed,
    Rejected,
}

/// <summary>
/// The therapist's confirmation or rejection of a proposed cause. Nothing is confirmed
/// automatically, and a decision always says why.
/// </summary>
public sealed record HypothesisDecision
{
    public const int ReasonMaxLength = 200;

    private HypothesisDecision(RootCause cause, HypothesisVerdict verdict, string reason, StaffRef decidedBy, DateTimeOffset decidedAt)
    {
        Cause = cause;
        Verdict = verdict;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public RootCause Cause { get; }

    public HypothesisVerdict Verdict { get; }

    public string Reason { get; }

    public StaffRef DecidedBy { get; }

    public DateTimeOffset DecidedAt { get; }

    public static HypothesisDecision Confirm(RootCause cause, string reason, StaffRef decidedBy, DateTimeOffset at) =>
        Decide(cause, HypothesisVerdict.Confirmed, reason, decidedBy, at);

    public static HypothesisDecision Reject(RootCause cause, string reason, StaffRef decidedBy, DateTimeOffset at) =>
        Decide(cause, HypothesisVerdict.Rejected, reason, decidedBy, at);

    private static HypothesisDecision Decide(
        RootCause cause, HypothesisVerdict verdict, string reason, StaffRef decidedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decidedBy);
        var why = Guard.Required(reason, $"A reason to {(verdict == HypothesisVerdict.Confirmed ? "confirm" : "reject")} a cause", ReasonMaxLength);
        return new HypothesisDecision(cause, verdict, why, decidedBy, at);
    }
}
