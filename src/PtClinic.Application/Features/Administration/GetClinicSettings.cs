using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// The current clinic's settings. Every role reads them (the name, phone and hours go on handouts
/// and pages); only an admin changes them.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk, StaffRoles.Admin)]
public sealed record GetClinicSettingsQuery : IQuery<Result<ClinicSettingsDto>>;

/// <param name="OpeningHours">Every day of the week, Monday first.</param>
/// <param name="LogoUploadedAt">When the logo was last set, null without one; changes the logo's address so a browser never shows an old one.</param>
public sealed record ClinicSettingsDto(
    string Name,
    string? Address,
    string? Phone,
    string TimeZone,
    PaperSize PaperSize,
    IReadOnlyList<OpeningDayDto> OpeningHours,
    DateTimeOffset? LogoUploadedAt,
    int IdleTimeoutMinutes,
    TwoFactorRequirement TwoFactorRequirement,
    uint Version);

public sealed record OpeningDayDto(DayOfWeek Day, bool IsOpen, TimeOnly? Opens, TimeOnly? Closes);

public sealed class GetClinicSettingsHandler(IAppDbContext db)
    : IQueryHandler<GetClinicSettingsQuery, Result<ClinicSettingsDto>>
{
    public async ValueTask<Result<ClinicSettingsDto>> Handle(GetClinicSettingsQuery query, CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (clinic is null)
        {
            return Error.NotFound("Clinic");
        }

        var logoUploadedAt = await db.ClinicLogos.Select(l => (DateTimeOffset?)l.UploadedAt).FirstOrDefaultAsync(cancellationToken);
        var week = Domain.Clinics.OpeningHours.Week
            .Select(day => clinic.OpeningHours.On(day) is { } open
                ? new OpeningDayDto(day, true, open.Opens, open.Closes)
                : new OpeningDayDto(day, false, null, null))
            .ToList();
        return new ClinicSettingsDto(
            clinic.Name, clinic.Address, clinic.Phone, clinic.TimeZone, clinic.PaperSize, week, logoUploadedAt,
            (int)Math.Round(clinic.IdleTimeout.TotalMinutes), clinic.TwoFactorRequirement, clinic.Version);
    }
}
