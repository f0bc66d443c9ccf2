using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Events;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Treatment;

/// <summary>
/// What the visit performed freezes with its note: interventions, minutes and the dry-needling
/// record become as immutable as the signed text, in the transaction of the signature.
/// </summary>
internal sealed class FreezeTreatmentWithNote(IAppDbContext db) : IDomainEventHandler<VisitNoteSigned>
{
    public async Task HandleAsync(VisitNoteSigned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var treatment = await db.VisitTreatments.FirstOrDefaultAsync(t => t.VisitId == domainEvent.VisitId, cancellationToken);
        treatment?.Freeze(domainEvent);
    }
}
