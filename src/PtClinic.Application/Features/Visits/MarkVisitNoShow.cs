using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Visits;

/// <summary>The patient did not come; possible once the visit's start time has passed.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record MarkVisitNoShowCommand(Guid VisitId) : ICommand<Result>;

public sealed class MarkVisitNoShowValidator : AbstractValidator<MarkVisitNoShowCommand>
{
    public MarkVisitNoShowValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
    }
}

public sealed class MarkVisitNoShowHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<MarkVisitNoShowCommand, Result>
{
    public async ValueTask<Result> Handle(MarkVisitNoShowCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("Visit");
        }

        visit.MarkNoShow(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
