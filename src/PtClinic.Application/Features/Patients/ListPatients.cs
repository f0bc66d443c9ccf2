using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>A page of the clinic's patients, by family name.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record ListPatientsQuery(int Page = 1, int PageSize = 25) : IQuery<Result<PatientPage>>;

public sealed record PatientListItem(Guid Id, string Mrn, string FullName, DateOnly DateOfBirth);

public sealed record PatientPage(IReadOnlyList<PatientListItem> Items, int Total, int Page, int PageSize);

public sealed class ListPatientsHandler(IAppDbContext db) : IQueryHandler<ListPatientsQuery, Result<PatientPage>>
{
    public async ValueTask<Result<PatientPage>> Handle(ListPatientsQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 1);
        var total = await db.Patients.CountAsync(cancellationToken);
        var items = await db.Patients
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(p => new PatientListItem(p.Id, p.Mrn, p.GivenName + " " + p.FamilyName, p.DateOfBirth))
            .ToListAsync(cancellationToken);
        return new PatientPage(items, total, page, pageSize);
    }
}
