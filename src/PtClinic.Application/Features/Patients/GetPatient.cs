using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>One patient's record as the editor loads it, with the version a save is checked against.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record GetPatientQuery(Guid PatientId) : IQuery<Result<PatientDto>>;

public sealed record PatientDto(
    Guid Id,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone,
    string? Email,
    string? Occupation,
    MedicalHistory MedicalHistory,
    uint Version);

public sealed class GetPatientHandler(IAppDbContext db) : IQueryHandler<GetPatientQuery, Result<PatientDto>>
{
    public async ValueTask<Result<PatientDto>> Handle(GetPatientQuery query, CancellationToken cancellationToken)
    {
        var patient = await db.Patients
            .Where(p => p.Id == query.PatientId)
            .Select(p => new PatientDto(
                p.Id, p.Mrn, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Phone, p.Email,
                p.Occupation, p.MedicalHistory, p.Version))
            .FirstOrDefaultAsync(cancellationToken);

        return patient is null ? Error.NotFound("Patient") : patient;
    }
}
