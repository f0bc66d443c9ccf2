using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>Takes a knot charted by mistake off this visit's body chart.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RemoveKnotFindingCommand(Guid VisitId, uint Version, Guid KnotId) : ICommand<Result<AssessmentSaved>>;

public sealed class RemoveKnotFindingValidator : AbstractValidator<RemoveKnotFindingCommand>
{
    public RemoveKnotFindingValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.KnotId).Identifies("knot");
    }
}

public sealed class RemoveKnotFindingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveKnotFindingCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RemoveKnotFindingCommand command, CancellationToken cancellationToken)
    {
        return await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.RemoveKnot(command.KnotId, editor, at), cancellationToken);
    }
}
