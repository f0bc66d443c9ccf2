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
/// Takes an entry out of the clinic's catalog for new prescriptions. Nothing is deleted: plans and
/// signed notes that name it still show it.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record RetireInterventionCommand(string Code) : ICommand<Result>;

/// <summary>Puts a retired entry back into the clinic's catalog.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record ReinstateInterventionCommand(string Code) : ICommand<Result>;

public sealed class RetireInterventionValidator : AbstractValidator<RetireInterventionCommand>
{
    public RetireInterventionValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Say which intervention to retire.")
            .SingleLine(InterventionDefinition.CodeMaxLength, "the intervention's code");
    }
}

public sealed class ReinstateInterventionValidator : AbstractValidator<ReinstateInterventionCommand>
{
    public ReinstateInterventionValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Say which intervention to reinstate.")
            .SingleLine(InterventionDefinition.CodeMaxLength, "the intervention's code");
    }
}

public sealed class RetireInterventionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RetireInterventionCommand, Result>
{
    public async ValueTask<Result> Handle(RetireInterventionCommand command, CancellationToken cancellationToken)
    {
        var (by, at) = (currentUser.AsStaffRef(), clock.GetUtcNow());
        var own = await db.ClinicInterventions.FirstOrDefaultAsync(i => i.Code == command.Code, cancellationToken);
        if (own is not null)
        {
            own.Retire(by, at);
        }
        else if (await db.CatalogInterventions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == command.Code, cancellationToken) is { } seeded)
        {
            db.ClinicInterventions.Add(ClinicIntervention.RetireSeeded(currentUser.ClinicId!.Value, seeded.Definition, by, at));
        }
        else
        {
            return Error.NotFound("Intervention");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

public sealed class ReinstateInterventionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReinstateInterventionCommand, Result>
{
    public async ValueTask<Result> Handle(ReinstateInterventionCommand command, CancellationToken cancellationToken)
    {
        var own = await db.ClinicInterventions.FirstOrDefaultAsync(i => i.Code == command.Code, cancellationToken);
        if (own is null)
        {
            return await db.CatalogInterventions.AnyAsync(i => i.Code == command.Code, cancellationToken)
                ? Error.Rule("This intervention is in use; only a retired entry can be reinstated.")
                : Error.NotFound("Intervention");
        }

        own.Reinstate(currentUser.AsStaffRef(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
