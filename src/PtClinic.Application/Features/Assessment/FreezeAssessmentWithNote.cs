using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Events;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// The structured assessment freezes with its note: findings, knots and scores become as
/// immutable as the signed text, in the transaction of the signature.
/// </summary>
internal sealed class FreezeAssessmentWithNote(IAppDbContext db) : IDomainEventHandler<VisitNoteSigned>
{
    public async Task HandleAsync(VisitNoteSigned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var assessment = await db.VisitAssessments.FirstOrDefaultAsync(a => a.VisitId == domainEvent.VisitId, cancellationToken);
        assessment?.Freeze(domainEvent);
    }
}
