using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>The muscle catalog the body chart and knot findings use, in anatomical order.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record ListMusclesQuery : IQuery<Result<IReadOnlyList<MuscleDto>>>;

public sealed record MuscleDto(string Code, string Name, string Group, BodyRegion Region, IReadOnlyList<MuscleZone> Zones);

public sealed class ListMusclesHandler(IAppDbContext db) : IQueryHandler<ListMusclesQuery, Result<IReadOnlyList<MuscleDto>>>
{
    public async ValueTask<Result<IReadOnlyList<MuscleDto>>> Handle(ListMusclesQuery query, CancellationToken cancellationToken)
    {
        var muscles = await db.Muscles
            .OrderBy(m => m.SortOrder)
            .Select(m => new { m.Code, m.Name, m.Group, m.Region })
            .ToListAsync(cancellationToken);
        return muscles.Select(m => new MuscleDto(m.Code, m.Name, m.Group, m.Region, Muscle.Zones)).ToList();
    }
}
