using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>Adds an exercise of the clinic's own to its catalog; returns the code it is known by.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record AddInterventionCommand(InterventionInput Intervention) : ICommand<Result<string>>;

public sealed class AddInterventionValidator : AbstractValidator<AddInterventionCommand>
{
    public AddInterventionValidator()
    {
        RuleFor(c => c.Intervention).NotNull().WithMessage("Describe the intervention.").SetValidator(new InterventionInputValidator());
    }
}

public sealed class AddInterventionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddInterventionCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(AddInterventionCommand command, CancellationToken cancellationToken)
    {
        var taken = (await db.CatalogInterventions.Select(i => i.Code).ToListAsync(cancellationToken))
            .Concat(await db.ClinicInterventions.Select(i => i.Code).ToListAsync(cancellationToken))
            .ToHashSet();
        var entry = ClinicIntervention.Add(
            currentUser.ClinicId!.Value, command.Intervention.ToDefinition(code: string.Empty), taken, currentUser.AsStaffRef(), clock.GetUtcNow());
        db.ClinicInterventions.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Code;
    }
}
