using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Treatment;

/// <summary>Takes a dry-needling record made by mistake off the visit, while its note is a draft.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RemoveDryNeedlingCommand(Guid VisitId) : ICommand<Result<TreatmentSaved>>;

public sealed class RemoveDryNeedlingValidator : AbstractValidator<RemoveDryNeedlingCommand>
{
    public RemoveDryNeedlingValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
    }
}

public sealed class RemoveDryNeedlingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveDryNeedlingCommand, Result<TreatmentSaved>>
{
    public async ValueTask<Result<TreatmentSaved>> Handle(RemoveDryNeedlingCommand command, CancellationToken cancellationToken) =>
        await db.EditTreatmentAsync(command.VisitId, currentUser, clock, (treatment, _, editor, at) =>
        {
            treatment.RemoveDryNeedling(editor, at);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
}
