using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// Sets or replaces the clinic's own picture for a home-program item of its catalog; handouts print
/// it instead of PtClinic's drawing. What the file is comes from its bytes, not its name: a PNG, a
/// JPEG, or an SVG that only draws (<see cref="HandoutIllustrations.CheckUpload"/>); at most 2 MB.
/// A refused file leaves the picture there was.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record UploadIllustrationCommand(string InterventionCode, byte[] Image) : ICommand<Result>;

public sealed class UploadIllustrationValidator : AbstractValidator<UploadIllustrationCommand>
{
    public UploadIllustrationValidator()
    {
        RuleFor(c => c.InterventionCode).NotEmpty().WithMessage("Say which home-program item the illustration is for.")
            .SingleLine(InterventionDefinition.CodeMaxLength, IllustrationReading.CodeWords);

        // The check says what is wrong with the file ("This file is not a PNG, JPEG or SVG image.").
        RuleFor(c => c.Image)
            .Must(image => HandoutIllustrations.CheckUpload(image).Problem is null)
            .WithMessage((_, image) => HandoutIllustrations.CheckUpload(image).Problem ?? "");
    }
}

public sealed class UploadIllustrationHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UploadIllustrationCommand, Result>
{
    public async ValueTask<Result> Handle(UploadIllustrationCommand command, CancellationToken cancellationToken)
    {
        var item = await db.HomeProgramItemAsync(command.InterventionCode, cancellationToken);
        if (!item.IsSuccess)
        {
            return item.Error;
        }

        var code = item.Value.Definition.Code;
        var (by, now) = (currentUser.AsStaffRef(), clock.GetUtcNow());
        var illustration = await db.ClinicIllustrations.FirstOrDefaultAsync(i => i.InterventionCode == code, cancellationToken);
        if (illustration is null)
        {
            db.ClinicIllustrations.Add(ClinicIllustration.Upload(currentUser.ClinicId!.Value, code, command.Image, by, now));
        }
        else
        {
            illustration.Replace(command.Image, by, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
