using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>Removes a questionnaire recorded at this visit by mistake.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RemoveOutcomeCommand(Guid VisitId, uint Version, OutcomeMeasure Measure) : ICommand<Result<AssessmentSaved>>;

public sealed class RemoveOutcomeValidator : AbstractValidator<RemoveOutcomeCommand>
{
    public RemoveOutcomeValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Measure).OneOf("the questionnaire");
    }
}

public sealed class RemoveOutcomeHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveOutcomeCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RemoveOutcomeCommand command, CancellationToken cancellationToken)
    {
        return await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.RemoveOutcome(command.Measure, editor, at), cancellationToken);
    }
}
