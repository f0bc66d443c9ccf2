using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Compliance;

/// <summary>
/// The clinic's notes left unsigned past <see cref="VisitNote.SigningDeadline"/>: visits the
/// patient came to (checked in, so not yet completed by a signature) that started longer ago, with
/// a draft or no note at all. For managers, and for the system's hourly report. It takes no input,
/// so it has nothing to validate.
/// </summary>
[RequiresRole(StaffRoles.ClinicManager, StaffRoles.System)]
public sealed record CountOverdueNotesQuery : IQuery<Result<OverdueNotesDto>>;

/// <param name="StartedBefore">The cut-off: visits that started before it are overdue.</param>
public sealed record OverdueNotesDto(int Count, DateTimeOffset? OldestVisitStartsAt, DateTimeOffset StartedBefore);

public sealed class CountOverdueNotesHandler(IAppDbContext db, TimeProvider clock)
    : IQueryHandler<CountOverdueNotesQuery, Result<OverdueNotesDto>>
{
    public async ValueTask<Result<OverdueNotesDto>> Handle(CountOverdueNotesQuery query, CancellationToken cancellationToken)
    {
        var startedBefore = clock.GetUtcNow() - VisitNote.SigningDeadline;
        var overdue = await db.Visits
            .Where(v => v.Status == VisitStatus.CheckedIn && v.StartsAt < startedBefore)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(v => v.StartsAt) })
            .FirstOrDefaultAsync(cancellationToken);
        return new OverdueNotesDto(overdue?.Count ?? 0, overdue?.Oldest, startedBefore);
    }
}
