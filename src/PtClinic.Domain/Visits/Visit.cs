using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Visits;

/// <summary>An appointment in an episode of care (FHIR Encounter); it carries one visit note.</summary>
public sealed class Visit : AggregateRoot, ITenantOwned
{
    public const int CancellationReasonMaxLength = 500;
    public const int MinDurationMinutes = 10;
    public const int MaxDurationMinutes = 240;

    private Visit()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid TherapistId { get; private set; }

    /// <summary>A therapist covering this visit for the scheduled one; may also sign its note.</summary>
    public Guid? CoveringTherapistId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public VisitType Type { get; private set; }

    public VisitStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public uint Version { get; private set; }

    public static Visit Schedule(
        EpisodeOfCare episode,
        Guid therapistId,
        DateTimeOffset startsAt,
        int durationMinutes,
        VisitType type,
        DateTimeOffset now)
    {
        episode.EnsureNotDischarged();
        if (durationMinutes is < MinDurationMinutes or > MaxDurationMinutes)
        {
            throw new DomainException($"A visit lasts {MinDurationMinutes} to {MaxDurationMinutes} minutes.");
        }

        var visit = new Visit
        {
            Id = Guid.CreateVersion7(now),
            ClinicId = episode.ClinicId,
            PatientId = episode.PatientId,
            EpisodeId = episode.Id,
            TherapistId = therapistId,
            StartsAt = startsAt,
            DurationMinutes = durationMinutes,
            Type = type,
            Status = VisitStatus.Scheduled,
        };
        visit.Raise(new VisitBooked(visit));
        return visit;
    }

    /// <summary>The patient arrived. The episode becomes active with its first attended visit.</summary>
    public void CheckIn(EpisodeOfCare episode, DateTimeOffset at)
    {
        EnsureStatus(VisitStatus.Scheduled, "check in");
        if (episode.Id != EpisodeId)
        {
            throw new DomainException("The visit belongs to another episode.");
        }

        episode.EnsureNotDischarged();
        if (episode.Status is EpisodeStatus.Open or EpisodeStatus.OnHold)
        {
            episode.Activate();
        }

        CheckedInAt = at;
        Status = VisitStatus.CheckedIn;
        Raise(new VisitStatusChanged(this));
    }

    public void Cancel(string reason)
    {
        EnsureStatus(VisitStatus.Scheduled, "cancel");
        CancellationReason = Guard.Required(reason, "Cancellation reason", CancellationReasonMaxLength);
        Status = VisitStatus.Cancelled;
        Raise(new VisitStatusChanged(this));
    }

    /// <summary>A scheduled visit can be marked as a no-show once its start time has passed.</summary>
    public static bool NoShowPossible(VisitStatus status, DateTimeOffset startsAt, DateTimeOffset now) =>
        status == VisitStatus.Scheduled && now >= startsAt;

    public void MarkNoShow(DateTimeOffset now)
    {
        EnsureStatus(VisitStatus.Scheduled, "mark as no-show");
        if (!NoShowPossible(Status, StartsAt, now))
        {
            throw new DomainException("A visit can be marked as a no-show only after its start time.");
        }

        Status = VisitStatus.NoShow;
        Raise(new VisitStatusChanged(this));
    }

    public void AssignCover(Guid coveringTherapistId)
    {
        if (Status is VisitStatus.Cancelled or VisitStatus.NoShow or VisitStatus.Completed)
        {
            throw new DomainException($"A {Status} visit cannot be covered.");
        }

        CoveringTherapistId = coveringTherapistId == TherapistId ? null : coveringTherapistId;
    }

    /// <summary>The visit's therapist, or the one covering it.</summary>
    public bool IsTreatedBy(Guid therapistId) => therapistId == TherapistId || therapistId == CoveringTherapistId;

    internal void Complete() => Status = VisitStatus.Completed;

    private void EnsureStatus(VisitStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainException($"Only a {Describe(expected)} visit can {action}; this one is {Describe(Status)}.");
        }
    }

    private static string Describe(VisitStatus status) => status switch
    {
        VisitStatus.CheckedIn => "checked-in",
        VisitStatus.NoShow => "no-show",
        _ => status.ToString().ToLowerInvariant(),
    };
}
