using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>
/// Edits a catalog entry for this clinic. A seeded entry is not changed: the clinic's edit replaces
/// it for this clinic, keeping its code (and its contraindications as a floor). What was already
/// prescribed keeps what it was prescribed with.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record EditInterventionCommand(string Code, InterventionInput Intervention) : ICommand<Result>;

public sealed class EditInterventionValidator : AbstractValidator<EditInterventionCommand>
{
    public EditInterventionValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Say which intervention to edit.")
            .SingleLine(InterventionDefinition.CodeMaxLength, "the intervention's code");
        RuleFor(c => c.Intervention).NotNull().WithMessage("Describe the intervention.").SetValidator(new InterventionInputValidator());
    }
}

public sealed class EditInterventionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditInterventionCommand, Result>
{
    public async ValueTask<Result> Handle(EditInterventionCommand command, CancellationToken cancellationToken)
    {
        var own = await db.ClinicInterventions.FirstOrDefaultAsync(i => i.Code == command.Code, cancellationToken);
        var seeded = await db.CatalogInterventions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == command.Code, cancellationToken);
        if (own is null && seeded is null)
        {
            return Error.NotFound("Intervention");
        }

        var edited = command.Intervention.ToDefinition(command.Code);
        var (by, at) = (currentUser.AsStaffRef(), clock.GetUtcNow());
        if (own is null)
        {
            db.ClinicInterventions.Add(ClinicIntervention.EditSeeded(currentUser.ClinicId!.Value, seeded!.Definition, edited, by, at));
        }
        else
        {
            own.Edit(edited, seeded?.Definition, by, at);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
