using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>The current clinic's logo file, for any signed-in role (it shows on pages and handouts).</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk, StaffRoles.Admin)]
public sealed record GetClinicLogoQuery : IQuery<Result<ClinicLogoDto>>;

public sealed record ClinicLogoDto(byte[] Content, string ContentType, DateTimeOffset UploadedAt);

public sealed class GetClinicLogoHandler(IAppDbContext db)
    : IQueryHandler<GetClinicLogoQuery, Result<ClinicLogoDto>>
{
    public async ValueTask<Result<ClinicLogoDto>> Handle(GetClinicLogoQuery query, CancellationToken cancellationToken)
    {
        var logo = await db.ClinicLogos.AsNoTracking()
            .Select(l => new ClinicLogoDto(l.Content, l.ContentType, l.UploadedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return logo is null ? Error.NotFound("The clinic's logo") : logo;
    }
}
