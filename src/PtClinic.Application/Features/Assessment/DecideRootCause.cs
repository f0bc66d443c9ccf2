using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// The therapist confirms or rejects a root cause for the episode, at a visit, with a short reason.
/// The evidence the engine showed for it is kept with the decision. Nothing is ever decided for them.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record DecideRootCauseCommand(Guid VisitId, RootCause Cause, HypothesisVerdict Verdict, string? Reason) : ICommand<Result>;

public sealed class DecideRootCauseValidator : AbstractValidator<DecideRootCauseCommand>
{
    public DecideRootCauseValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Cause).OneOf("the root cause");
        RuleFor(c => c.Verdict).OneOf("confirm or reject");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give a short reason for your decision.")
            .SingleLine(HypothesisDecision.ReasonMaxLength, "the reason");
    }
}

public sealed class DecideRootCauseHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DecideRootCauseCommand, Result>
{
    public async ValueTask<Result> Handle(DecideRootCauseCommand command, CancellationToken cancellationToken)
    {
        var charted = await db.ChartableVisitAsync(command.VisitId, currentUser, cancellationToken);
        if (!charted.IsSuccess)
        {
            return charted.Error;
        }

        var visit = charted.Value.Visit;
        var findings = await db.FindingsAtAsync(visit.Id, cancellationToken);
        var evidence = RootCauseEngine.Propose(findings).SingleOrDefault(h => h.Cause == command.Cause)?.Evidence ?? [];
        var now = clock.NowToTheMicrosecond();
        var decision = command.Verdict == HypothesisVerdict.Confirmed
            ? HypothesisDecision.Confirm(command.Cause, command.Reason!, currentUser.AsStaffRef(), now)
            : HypothesisDecision.Reject(command.Cause, command.Reason!, currentUser.AsStaffRef(), now);
        db.CauseDecisions.Add(CauseDecision.Record(visit.ClinicId, visit.EpisodeId, visit.Id, decision, evidence));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
