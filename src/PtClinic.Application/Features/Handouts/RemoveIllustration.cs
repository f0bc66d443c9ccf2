using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Handouts;

/// <summary>Takes the clinic's own picture of a home-program item away: handouts print PtClinic's drawing again (or none, for the clinic's own exercise).</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record RemoveIllustrationCommand(string InterventionCode) : ICommand<Result>;

public sealed class RemoveIllustrationValidator : AbstractValidator<RemoveIllustrationCommand>
{
    public RemoveIllustrationValidator()
    {
        RuleFor(c => c.InterventionCode).NotEmpty().WithMessage("Say which home-program item goes back to its drawing.")
            .SingleLine(InterventionDefinition.CodeMaxLength, IllustrationReading.CodeWords);
    }
}

public sealed class RemoveIllustrationHandler(IAppDbContext db)
    : ICommandHandler<RemoveIllustrationCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveIllustrationCommand command, CancellationToken cancellationToken)
    {
        var illustration = await db.ClinicIllustrations.FirstOrDefaultAsync(i => i.InterventionCode == command.InterventionCode, cancellationToken);
        if (illustration is null)
        {
            return Error.NotFound("The clinic's own illustration of this item");
        }

        db.ClinicIllustrations.Remove(illustration);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
