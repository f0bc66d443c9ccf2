using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>How a knot presented, as the knot dialog edits it.</summary>
public sealed record KnotInput(
    int Tenderness,
    decimal? PressurePainThreshold,
    int? SizeMm,
    bool IsActive,
    bool LocalTwitchResponse,
    IReadOnlyList<ReferredPainArea> ReferredPain)
{
    public KnotPresentation ToPresentation() =>
        new(Tenderness, PressurePainThreshold, SizeMm, IsActive, LocalTwitchResponse, ReferredPain ?? []);
}

/// <summary>Field checks shared by adding and editing a knot, with the names the dialog shows.</summary>
public sealed class KnotInputValidator : AbstractValidator<KnotInput>
{
    public KnotInputValidator()
    {
        RuleFor(k => k.Tenderness).InclusiveBetween(0, KnotPresentation.MaxTenderness)
            .WithMessage($"Tenderness must be 0 to {KnotPresentation.MaxTenderness}.");
        RuleFor(k => k.PressurePainThreshold).GreaterThan(0).LessThanOrEqualTo(KnotPresentation.MaxPressurePainThreshold)
            .WithMessage($"The pressure-pain threshold must be more than 0 and at most {KnotPresentation.MaxPressurePainThreshold} kg/cm².");
        RuleFor(k => k.SizeMm).InclusiveBetween(1, KnotPresentation.MaxSizeMm)
            .WithMessage($"Size must be 1 to {KnotPresentation.MaxSizeMm} mm.");
        RuleFor(k => k.ReferredPain).NotNull();
        RuleForEach(k => k.ReferredPain).IsInEnum();
    }
}

/// <summary>Charts a knot at a site of the body chart; the first change of a visit starts its assessment.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record AddKnotFindingCommand(Guid VisitId, uint? Version, string MuscleCode, BodySide Side, MuscleZone Zone, KnotInput Knot)
    : ICommand<Result<KnotAdded>>;

public sealed record KnotAdded(Guid KnotId, AssessmentSaved Saved);

public sealed class AddKnotFindingValidator : AbstractValidator<AddKnotFindingCommand>
{
    public AddKnotFindingValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.MuscleCode).Must(code => MuscleCatalog.All.Any(m => m.Code == code))
            .WithMessage("Choose a muscle of the catalog.");
        RuleFor(c => c.Side).Must(side => side is BodySide.Left or BodySide.Right).WithMessage("Choose the left or right side.");
        RuleFor(c => c.Zone).IsInEnum();
        RuleFor(c => c.Knot).NotNull().SetValidator(new KnotInputValidator());
    }
}

public sealed class AddKnotFindingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddKnotFindingCommand, Result<KnotAdded>>
{
    public async ValueTask<Result<KnotAdded>> Handle(AddKnotFindingCommand command, CancellationToken cancellationToken)
    {
        var now = clock.NowToTheMicrosecond();
        var loaded = await db.LoadForEditAsync(command.VisitId, command.Version, currentUser, now, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var knot = loaded.Value.AddKnot(command.MuscleCode, command.Side, command.Zone, command.Knot.ToPresentation(), currentUser.AsStaffRef(), now);
        var saved = await db.SaveAsync(loaded.Value, cancellationToken);
        return saved.IsSuccess ? new KnotAdded(knot.Id, saved.Value) : saved.Error;
    }
}

/// <summary>Changes how a charted knot presented (its site stays: a different site is a different knot).</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record UpdateKnotFindingCommand(Guid VisitId, uint Version, Guid KnotId, KnotInput Knot) : ICommand<Result<AssessmentSaved>>;

public sealed class UpdateKnotFindingValidator : AbstractValidator<UpdateKnotFindingCommand>
{
    public UpdateKnotFindingValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.KnotId).NotEmpty();
        RuleFor(c => c.Knot).NotNull().SetValidator(new KnotInputValidator());
    }
}

public sealed class UpdateKnotFindingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateKnotFindingCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(UpdateKnotFindingCommand command, CancellationToken cancellationToken)
    {
        var now = clock.NowToTheMicrosecond();
        var loaded = await db.LoadForEditAsync(command.VisitId, command.Version, currentUser, now, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        loaded.Value.UpdateKnot(command.KnotId, command.Knot.ToPresentation(), currentUser.AsStaffRef(), now);
        return await db.SaveAsync(loaded.Value, cancellationToken);
    }
}

/// <summary>Takes a knot charted by mistake off this visit's body chart.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RemoveKnotFindingCommand(Guid VisitId, uint Version, Guid KnotId) : ICommand<Result<AssessmentSaved>>;

public sealed class RemoveKnotFindingValidator : AbstractValidator<RemoveKnotFindingCommand>
{
    public RemoveKnotFindingValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.KnotId).NotEmpty();
    }
}

public sealed class RemoveKnotFindingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveKnotFindingCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RemoveKnotFindingCommand command, CancellationToken cancellationToken)
    {
        var now = clock.NowToTheMicrosecond();
        var loaded = await db.LoadForEditAsync(command.VisitId, command.Version, currentUser, now, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        loaded.Value.RemoveKnot(command.KnotId, currentUser.AsStaffRef(), now);
        return await db.SaveAsync(loaded.Value, cancellationToken);
    }
}
