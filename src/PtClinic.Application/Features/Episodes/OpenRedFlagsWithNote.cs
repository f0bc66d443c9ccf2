using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Events;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Episodes;

/// <summary>
/// The red flags a signed note recorded open on its episode, in the transaction of the signature:
/// a note is never signed without what it found being carried forward, and a later visit that
/// does not tick a flag again does not close it (only the therapist does, CloseRedFlag).
/// </summary>
internal sealed class OpenRedFlagsWithNote(IAppDbContext db) : IDomainEventHandler<VisitNoteSigned>
{
    public async Task HandleAsync(VisitNoteSigned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var ticked = await db.VisitAssessments
            .Where(a => a.VisitId == domainEvent.VisitId)
            .Select(a => a.Findings)
            .FirstOrDefaultAsync(cancellationToken);
        if (ticked is not { RedFlags.Count: > 0 })
        {
            return;
        }

        var visit = await db.Visits
            .Where(v => v.Id == domainEvent.VisitId)
            .Select(v => new { v.PatientId, v.StartsAt })
            .FirstAsync(cancellationToken);
        var open = await db.EpisodeRedFlags
            .Where(f => f.EpisodeId == domainEvent.EpisodeId && f.ClosedAt == null)
            .Select(f => f.Flag)
            .ToListAsync(cancellationToken);
        var signed = new SignedVisit(
            domainEvent.ClinicId, domainEvent.EpisodeId, visit.PatientId, domainEvent.VisitId, visit.StartsAt,
            domainEvent.SignedBy, domainEvent.SignedAt);
        db.EpisodeRedFlags.AddRange(EpisodeRedFlag.OpenedBy(signed, ticked.RedFlags, open));
    }
}
