using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>Cancels a booked visit, with the reason. Allowed after discharge too: it tidies the schedule.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record CancelVisitCommand(Guid VisitId, string Reason) : ICommand<Result>;

public sealed class CancelVisitValidator : AbstractValidator<CancelVisitCommand>
{
    public CancelVisitValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the visit is cancelled.")
            .SingleLine(Visit.CancellationReasonMaxLength, "the cancellation reason");
    }
}

public sealed class CancelVisitHandler(IAppDbContext db) : ICommandHandler<CancelVisitCommand, Result>
{
    public async ValueTask<Result> Handle(CancelVisitCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("Visit");
        }

        visit.Cancel(command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
