using PtClinic.Domain.Common;

namespace PtClinic.Domain.Episodes;

/// <summary>An episode of care was opened.</summary>
public sealed class EpisodeOpened : IDomainEvent
{
    internal EpisodeOpened(EpisodeOfCare episode)
    {
        ClinicId = episode.ClinicId;
        EpisodeId = episode.Id;
    }

    public Guid ClinicId { get; }

    public Guid EpisodeId { get; }
}

/// <summary>An episode became active, went on hold or was discharged.</summary>
public sealed class EpisodeStatusChanged : IDomainEvent
{
    internal EpisodeStatusChanged(EpisodeOfCare episode)
    {
        ClinicId = episode.ClinicId;
        EpisodeId = episode.Id;
        Status = episode.Status;
    }

    public Guid ClinicId { get; }

    public Guid EpisodeId { get; }

    public EpisodeStatus Status { get; }
}

/// <summary>An episode's complaint, region, onset or therapist was revised.</summary>
public sealed class EpisodeRevised : IDomainEvent
{
    internal EpisodeRevised(EpisodeOfCare episode)
    {
        ClinicId = episode.ClinicId;
        EpisodeId = episode.Id;
    }

    public Guid ClinicId { get; }

    public Guid EpisodeId { get; }
}
