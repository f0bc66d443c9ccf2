using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>Charts a knot at a site of the body chart; the first change of a visit starts its assessment.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record AddKnotFindingCommand(Guid VisitId, uint? Version, string MuscleCode, BodySide Side, MuscleZone Zone, KnotInput Knot)
    : ICommand<Result<KnotAdded>>;

public sealed record KnotAdded(Guid KnotId, AssessmentSaved Saved);

public sealed class AddKnotFindingValidator : AbstractValidator<AddKnotFindingCommand>
{
    public AddKnotFindingValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        KnotSiteRules.Apply(this, c => c.MuscleCode, c => c.Side, c => c.Zone);
        RuleFor(c => c.Knot).NotNull().WithMessage("Describe the knot.").SetValidator(new KnotInputValidator());
    }
}

public sealed class AddKnotFindingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddKnotFindingCommand, Result<KnotAdded>>
{
    public async ValueTask<Result<KnotAdded>> Handle(AddKnotFindingCommand command, CancellationToken cancellationToken)
    {
        var knotId = Guid.Empty;
        var saved = await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => knotId = assessment.AddKnot(command.MuscleCode, command.Side, command.Zone, command.Knot.ToPresentation(), editor, at).Id,
            cancellationToken);
        return saved.IsSuccess ? new KnotAdded(knotId, saved.Value) : saved.Error;
    }
}
