using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>Takes the clinic's logo away; pages and handouts show the clinic's name alone.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record RemoveClinicLogoCommand : ICommand<Result>;

public sealed class RemoveClinicLogoValidator : AbstractValidator<RemoveClinicLogoCommand>;

public sealed class RemoveClinicLogoHandler(IAppDbContext db)
    : ICommandHandler<RemoveClinicLogoCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveClinicLogoCommand command, CancellationToken cancellationToken)
    {
        var logo = await db.ClinicLogos.FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            return Error.NotFound("The clinic's logo");
        }

        db.ClinicLogos.Remove(logo);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
