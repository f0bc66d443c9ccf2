using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// Signs the visit's note as the current user and completes the visit. <see cref="Version"/> is the
/// note on screen: nobody signs text they have not seen.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record SignVisitNoteCommand(Guid VisitId, uint Version) : ICommand<Result>;

public sealed class SignVisitNoteValidator : AbstractValidator<SignVisitNoteCommand>
{
    public SignVisitNoteValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
    }
}

public sealed class SignVisitNoteHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SignVisitNoteCommand, Result>
{
    public async ValueTask<Result> Handle(SignVisitNoteCommand command, CancellationToken cancellationToken)
    {
        var chart = await db.VisitWithNoteAsync(command.VisitId, cancellationToken);
        if (chart is null)
        {
            return Error.NotFound("Visit");
        }

        if (chart.DecisionFor(currentUser) is { MayChart: false } refused)
        {
            return Error.Rule(refused.Message!);
        }

        var (visit, note, episodeStatus) = chart;
        if (note is null)
        {
            return Error.Rule("There is no note to sign yet; write at least one section.");
        }

        // An open refer-to-doctor recommendation must be answered first (refer, or document why not).
        if (await UnansweredReferralAsync(visit, cancellationToken))
        {
            return Error.Rule("This visit raises a refer-to-doctor recommendation: record that you referred the patient, or why not, before signing.");
        }

        var now = clock.GetUtcNow();
        db.Entry(note).Property(n => n.Version).OriginalValue = command.Version;
        // Signing raises VisitNoteSigned: the assessment and whatever else belongs to the note
        // freeze through its handlers, in this save's transaction.
        note.Sign(visit, episodeStatus, currentUser.AsStaffRef(), now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>As the page shows it and as the referral is answered: this visit's findings, the episode's NPRS up to it.</summary>
    private async Task<bool> UnansweredReferralAsync(Visit visit, CancellationToken cancellationToken)
    {
        var findings = await db.FindingsAtAsync(visit.Id, cancellationToken);
        var scores = await db.ScoresAsync(visit.EpisodeId, cancellationToken);
        var recommendation = ClinicalReasoning.ReferralAt(findings, scores, visit.StartsAt);
        if (recommendation is null)
        {
            return false;
        }

        return await db.AnswerToAsync(visit.Id, recommendation, cancellationToken) is null;
    }
}
