using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

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
            .AtMost(HypothesisDecision.ReasonMaxLength, "the reason");
    }
}

public sealed class DecideRootCauseHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DecideRootCauseCommand, Result>
{
    public async ValueTask<Result> Handle(DecideRootCauseCommand command, CancellationToken cancellationToken)
    {
        var charted = await db.VisitWithAssessmentAsync(command.VisitId, cancellationToken);
        if (charted is not { } found)
        {
            return Error.NotFound("Visit");
        }

        var (assessment, visit) = found;
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == visit.EpisodeId, cancellationToken);
        episode.EnsureNotDischarged();
        var noteSigned = await db.VisitNotes.AnyAsync(n => n.VisitId == visit.Id && n.Status == NoteStatus.Signed, cancellationToken);
        if (noteSigned || assessment is { IsFrozen: true })
        {
            return Error.Rule("This visit's note is signed; decide on causes at the patient's next visit.");
        }

        if (!visit.CanBeCharted)
        {
            return Error.Rule("Check the patient in before charting the visit.");
        }

        var evidence = assessment is null
            ? []
            : RootCauseEngine.Propose(assessment.Findings).SingleOrDefault(h => h.Cause == command.Cause)?.Evidence ?? [];
        var now = clock.NowToTheMicrosecond();
        var decision = command.Verdict == HypothesisVerdict.Confirmed
            ? HypothesisDecision.Confirm(command.Cause, command.Reason!, currentUser.AsStaffRef(), now)
            : HypothesisDecision.Reject(command.Cause, command.Reason!, currentUser.AsStaffRef(), now);
        db.CauseDecisions.Add(CauseDecision.Record(visit.ClinicId, visit.EpisodeId, visit.Id, decision, evidence));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
