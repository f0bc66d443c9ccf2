using PtClinic.Domain.Common;

namespace PtClinic.Domain.Visits;

/// <summary>
/// A visit's note was signed. Everything that belongs to the note (the structured assessment today;
/// interventions and procedures as they come) freezes on it. Only <see cref="VisitNote.Sign"/>
/// creates one, so nothing can be frozen but by signing its note.
/// </summary>
public sealed class VisitNoteSigned : IDomainEvent
{
    internal VisitNoteSigned(VisitNote note, Visit visit)
    {
        ClinicId = note.ClinicId;
        NoteId = note.Id;
        VisitId = visit.Id;
        EpisodeId = visit.EpisodeId;
        SignedBy = note.SignedBy!;
        SignedAt = note.SignedAt!.Value;
    }

    public Guid ClinicId { get; }

    public Guid NoteId { get; }

    public Guid VisitId { get; }

    public Guid EpisodeId { get; }

    public StaffRef SignedBy { get; }

    public DateTimeOffset SignedAt { get; }
}
