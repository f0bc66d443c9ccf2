using PtClinic.Domain.Common;

namespace PtClinic.Domain.Visits;

/// <summary>A visit was booked in an episode.</summary>
public sealed class VisitBooked : IDomainEvent
{
    internal VisitBooked(Visit visit)
    {
        ClinicId = visit.ClinicId;
        VisitId = visit.Id;
        EpisodeId = visit.EpisodeId;
    }

    public Guid ClinicId { get; }

    public Guid VisitId { get; }

    public Guid EpisodeId { get; }
}

/// <summary>A booked visit was checked in, cancelled or marked as a no-show.</summary>
public sealed class VisitStatusChanged : IDomainEvent
{
    internal VisitStatusChanged(Visit visit)
    {
        ClinicId = visit.ClinicId;
        VisitId = visit.Id;
        EpisodeId = visit.EpisodeId;
        Status = visit.Status;
    }

    public Guid ClinicId { get; }

    public Guid VisitId { get; }

    public Guid EpisodeId { get; }

    public VisitStatus Status { get; }
}
