using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Sets or replaces the clinic's logo. What the file is comes from its bytes, not its name: a PNG,
/// a JPEG, or an SVG that only draws (see <see cref="LogoContent"/>); at most 2 MB.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record UploadClinicLogoCommand(byte[] Logo) : ICommand<Result>;

public sealed class UploadClinicLogoValidator : AbstractValidator<UploadClinicLogoCommand>
{
    public UploadClinicLogoValidator()
    {
        // The check says what is wrong with the file ("This file is not a PNG, JPEG or SVG image.").
        RuleFor(c => c.Logo)
            .Must(logo => LogoContent.Check(logo).Problem is null)
            .WithMessage((_, logo) => LogoContent.Check(logo).Problem ?? "");
    }
}

public sealed class UploadClinicLogoHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UploadClinicLogoCommand, Result>
{
    public async ValueTask<Result> Handle(UploadClinicLogoCommand command, CancellationToken cancellationToken)
    {
        var by = currentUser.AsStaffRef();
        var now = clock.GetUtcNow();
        var logo = await db.ClinicLogos.FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            db.ClinicLogos.Add(ClinicLogo.Upload(currentUser.ClinicId!.Value, command.Logo, by, now));
        }
        else
        {
            logo.Replace(command.Logo, by, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
