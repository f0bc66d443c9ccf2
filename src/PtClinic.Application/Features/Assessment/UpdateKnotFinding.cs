using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>Changes how a charted knot presented (its site stays: a different site is a different knot).</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record UpdateKnotFindingCommand(Guid VisitId, uint Version, Guid KnotId, KnotInput Knot) : ICommand<Result<AssessmentSaved>>;

public sealed class UpdateKnotFindingValidator : AbstractValidator<UpdateKnotFindingCommand>
{
    public UpdateKnotFindingValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.KnotId).Identifies("knot");
        RuleFor(c => c.Knot).NotNull().WithMessage("Describe the knot.").SetValidator(new KnotInputValidator());
    }
}

public sealed class UpdateKnotFindingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateKnotFindingCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(UpdateKnotFindingCommand command, CancellationToken cancellationToken)
    {
        return await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.UpdateKnot(command.KnotId, command.Knot.ToPresentation(), editor, at), cancellationToken);
    }
}
