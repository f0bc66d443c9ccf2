using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// Records a questionnaire answered at the visit (LEFS, PSFS or ODI; NPRS is the pain-now finding),
/// replacing an earlier answer to it at this visit. The domain scores it. <see cref="Ratings"/> are in
/// questionnaire order (null: an ODI section left blank); <see cref="ActivityNames"/> are PSFS only.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RecordOutcomeCommand(
    Guid VisitId, uint? Version, OutcomeMeasure Measure, IReadOnlyList<int?> Ratings, IReadOnlyList<string> ActivityNames)
    : ICommand<Result<AssessmentSaved>>
{
    /// <summary>The answers as the domain's scored response; throws <see cref="DomainException"/> with what is wrong.</summary>
    public OutcomeResponse ToResponse() => Measure switch
    {
        OutcomeMeasure.Nprs => NprsResponse.From(Ratings.Count == 1 && Ratings[0] is { } rating ? rating : -1),
        OutcomeMeasure.Lefs => Ratings.Any(r => r is null)
            ? throw new DomainException($"LEFS needs all {LefsResponse.ItemCount} items answered; {Ratings.Count(r => r is not null)} were.")
            : LefsResponse.From([.. Ratings.Select(r => r!.Value)]),
        OutcomeMeasure.Odi => OdiResponse.From(Ratings),
        OutcomeMeasure.Psfs => ActivityNames.Count != Ratings.Count || Ratings.Any(r => r is null)
            ? throw new DomainException("Rate every PSFS activity from 0 to 10.")
            : PsfsResponse.From([.. ActivityNames.Zip(Ratings, (name, rating) => new PsfsActivity(name, rating!.Value))]),
        _ => throw new DomainException("Choose a scored outcome measure."),
    };
}

public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcomeCommand>
{
    public RecordOutcomeValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.Measure).IsInEnum();
        RuleFor(c => c.Ratings).NotNull();
        RuleFor(c => c.ActivityNames).NotNull();
    }
}

public sealed class RecordOutcomeHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordOutcomeCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RecordOutcomeCommand command, CancellationToken cancellationToken)
    {
        var response = command.ToResponse();
        var now = clock.NowToTheMicrosecond();
        var loaded = await db.LoadForEditAsync(command.VisitId, command.Version, currentUser, now, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        loaded.Value.RecordOutcome(response, currentUser.AsStaffRef(), now);
        return await db.SaveAsync(loaded.Value, cancellationToken);
    }
}

/// <summary>Removes a questionnaire recorded at this visit by mistake.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RemoveOutcomeCommand(Guid VisitId, uint Version, OutcomeMeasure Measure) : ICommand<Result<AssessmentSaved>>;

public sealed class RemoveOutcomeValidator : AbstractValidator<RemoveOutcomeCommand>
{
    public RemoveOutcomeValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.Measure).IsInEnum();
    }
}

public sealed class RemoveOutcomeHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveOutcomeCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RemoveOutcomeCommand command, CancellationToken cancellationToken)
    {
        var now = clock.NowToTheMicrosecond();
        var loaded = await db.LoadForEditAsync(command.VisitId, command.Version, currentUser, now, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        loaded.Value.RemoveOutcome(command.Measure, currentUser.AsStaffRef(), now);
        return await db.SaveAsync(loaded.Value, cancellationToken);
    }
}
