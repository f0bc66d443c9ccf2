using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Treatment;

/// <summary>Takes an intervention recorded by mistake off the visit, while its note is a draft.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RemovePerformedInterventionCommand(Guid VisitId, Guid InterventionId) : ICommand<Result<TreatmentSaved>>;

public sealed class RemovePerformedInterventionValidator : AbstractValidator<RemovePerformedInterventionCommand>
{
    public RemovePerformedInterventionValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.InterventionId).Identifies("intervention");
    }
}

public sealed class RemovePerformedInterventionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemovePerformedInterventionCommand, Result<TreatmentSaved>>
{
    public async ValueTask<Result<TreatmentSaved>> Handle(RemovePerformedInterventionCommand command, CancellationToken cancellationToken) =>
        await db.EditTreatmentAsync(command.VisitId, currentUser, clock, (treatment, _, editor, at) =>
        {
            treatment.RemoveIntervention(command.InterventionId, editor, at);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
}
