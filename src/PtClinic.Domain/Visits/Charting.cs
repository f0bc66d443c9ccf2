using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Visits;

/// <summary>Why a visit cannot be charted by someone. Each has one message, whichever command asked.</summary>
public enum ChartingRefusal
{
    NoteSigned,
    EpisodeDischarged,
    NotCheckedIn,
    VisitNotAttended,
    NotTheTreatingTherapist,
}

/// <summary>The answer of <see cref="Charting.Decide"/>: may chart, or the one reason why not.</summary>
public sealed class ChartingDecision
{
    public static ChartingDecision Allowed { get; } = new(null);

    private ChartingDecision(ChartingRefusal? refusal) => Refusal = refusal;

    public ChartingRefusal? Refusal { get; }

    public bool MayChart => Refusal is null;

    /// <summary>What the person is told; null when they may chart.</summary>
    public string? Message => Refusal is { } refusal ? Charting.Message(refusal) : null;

    public static ChartingDecision Refused(ChartingRefusal refusal) => new(refusal);

    public void EnsureMayChart()
    {
        if (Refusal is { } refusal)
        {
            throw new DomainException(Charting.Message(refusal));
        }
    }
}

/// <summary>
/// Whether a visit can be charted, and by whom: writing its note, its structured assessment, the
/// root-cause decisions and referral answers made at it, and signing it. One rule for all of them,
/// so the page offers exactly what the commands accept and a refusal reads the same everywhere.
/// </summary>
public static class Charting
{
    /// <summary>
    /// The first reason that applies wins, the most lasting first: a signed note and a discharged
    /// episode never open again, a visit not yet checked in will, and another therapist could be
    /// made the cover.
    /// </summary>
    /// <param name="noteStatus">The visit's note, null when none was started yet.</param>
    /// <param name="chartedBy">The staff member who would chart; null when nobody is signed in.</param>
    public static ChartingDecision Decide(Visit visit, NoteStatus? noteStatus, EpisodeStatus episodeStatus, Guid? chartedBy)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (noteStatus == NoteStatus.Signed)
        {
            return ChartingDecision.Refused(ChartingRefusal.NoteSigned);
        }

        if (episodeStatus == EpisodeStatus.Discharged)
        {
            return ChartingDecision.Refused(ChartingRefusal.EpisodeDischarged);
        }

        if (VisitRefusal(visit) is { } notHere)
        {
            return ChartingDecision.Refused(notHere);
        }

        return chartedBy is { } by && visit.IsTreatedBy(by)
            ? ChartingDecision.Allowed
            : ChartingDecision.Refused(ChartingRefusal.NotTheTreatingTherapist);
    }

    public static string Message(ChartingRefusal refusal) => refusal switch
    {
        ChartingRefusal.NoteSigned => "This visit's note is signed and can no longer be changed; add an addendum instead.",
        ChartingRefusal.EpisodeDischarged => EpisodeOfCare.DischargedMessage,
        ChartingRefusal.NotCheckedIn => "Check the patient in before charting the visit.",
        ChartingRefusal.VisitNotAttended => "This visit was cancelled or missed; there is nothing to chart.",
        ChartingRefusal.NotTheTreatingTherapist => "Only the visit's therapist, or a therapist covering it, can chart this visit.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>Charting happens once the patient is here, or for a visit already completed.</summary>
    internal static ChartingRefusal? VisitRefusal(Visit visit) => visit.Status switch
    {
        VisitStatus.CheckedIn or VisitStatus.Completed => null,
        VisitStatus.Scheduled => ChartingRefusal.NotCheckedIn,
        _ => ChartingRefusal.VisitNotAttended,
    };

    /// <summary>For the aggregates that start a chart: they know the visit but not the note or episode.</summary>
    internal static void EnsureVisitCanBeCharted(Visit visit)
    {
        if (VisitRefusal(visit) is { } refusal)
        {
            throw new DomainException(Message(refusal));
        }
    }
}
