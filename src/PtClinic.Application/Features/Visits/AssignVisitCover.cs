using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// Another therapist covers the visit: it appears on their Today list and they may sign its note.
/// Naming the visit's own therapist removes the cover.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record AssignVisitCoverCommand(Guid VisitId, Guid CoveringTherapistId) : ICommand<Result>;

public sealed class AssignVisitCoverValidator : AbstractValidator<AssignVisitCoverCommand>
{
    public AssignVisitCoverValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.CoveringTherapistId).NotEmpty().WithMessage("Choose the covering therapist.");
    }
}

public sealed class AssignVisitCoverHandler(IAppDbContext db, IStaffDirectory staff, ICurrentUser currentUser)
    : ICommandHandler<AssignVisitCoverCommand, Result>
{
    public async ValueTask<Result> Handle(AssignVisitCoverCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("Visit");
        }

        if (!await staff.IsTherapistAsync(currentUser.ClinicId!.Value, command.CoveringTherapistId, cancellationToken))
        {
            return Error.Validation(nameof(command.CoveringTherapistId), "Choose a therapist of this clinic.");
        }

        visit.AssignCover(command.CoveringTherapistId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
