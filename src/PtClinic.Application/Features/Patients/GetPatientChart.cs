using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>
/// The patient's side of the chart: demographics, the medical-history flags that are set and the
/// consents. The episodes, visits and notes below it come from ListPatientEpisodesQuery.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record GetPatientChartQuery(Guid PatientId) : IQuery<Result<PatientChartDto>>;

public sealed record PatientChartDto(
    Guid Id,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    int AgeYears,
    Sex Sex,
    string? Phone,
    string? Email,
    string? Occupation,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<string> MedicalFlags,
    IReadOnlyList<ChartConsentDto> Consents,
    uint Version)
{
    public string FullName => $"{GivenName} {FamilyName}";
}

public sealed record ChartConsentDto(
    Guid Id,
    ConsentKind Kind,
    DateOnly GivenOn,
    bool RisksExplained,
    bool SignedByPatient,
    string? Note,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateTimeOffset? WithdrawnAt)
{
    public bool IsActive => WithdrawnAt is null;
}

public sealed class GetPatientChartValidator : AbstractValidator<GetPatientChartQuery>
{
    public GetPatientChartValidator()
    {
        RuleFor(q => q.PatientId).Identifies("patient");
    }
}

public sealed class GetPatientChartHandler(IAppDbContext db, ClinicClock clock)
    : IQueryHandler<GetPatientChartQuery, Result<PatientChartDto>>
{
    public async ValueTask<Result<PatientChartDto>> Handle(GetPatientChartQuery query, CancellationToken cancellationToken)
    {
        var patient = await db.Patients
            .Where(p => p.Id == query.PatientId)
            .Select(p => new
            {
                p.Id, p.Mrn, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Phone, p.Email, p.Occupation,
                p.RegisteredAt, p.MedicalHistory, p.Version,
                Consents = p.Consents
                    .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.RecordedAt)
                    .Select(c => new ChartConsentDto(
                        c.Id, c.Kind, c.GivenOn, c.RisksExplained, c.SignedByPatient, c.Note,
                        c.RecordedBy.Name, c.RecordedAt, c.WithdrawnAt))
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        return new PatientChartDto(
            patient.Id, patient.Mrn, patient.GivenName, patient.FamilyName, patient.DateOfBirth,
            ClinicCalendar.AgeOn(patient.DateOfBirth, await clock.TodayAsync(cancellationToken)), patient.Sex,
            patient.Phone, patient.Email, patient.Occupation, patient.RegisteredAt,
            patient.MedicalHistory.Describe(), patient.Consents, patient.Version);
    }
}
