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
/// Answers the refer-to-doctor recommendation raised at a visit: the patient was referred, or the
/// therapist documents why not. Until then the note cannot be signed.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record AcknowledgeReferralCommand(Guid VisitId, ReferralAction Action, string? Note) : ICommand<Result>;

public sealed class AcknowledgeReferralValidator : AbstractValidator<AcknowledgeReferralCommand>
{
    public AcknowledgeReferralValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Action).OneOf("whether you referred the patient");
        RuleFor(c => c.Note).NotEmpty().When(c => c.Action == ReferralAction.NotReferred)
            .WithMessage("Document why you are not referring the patient.");
        RuleFor(c => c.Note).SingleLine(ReferralAcknowledgement.NoteMaxLength, "the referral note");
    }
}

public sealed class AcknowledgeReferralHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AcknowledgeReferralCommand, Result>
{
    public async ValueTask<Result> Handle(AcknowledgeReferralCommand command, CancellationToken cancellationToken)
    {
        var charted = await db.ChartableVisitAsync(command.VisitId, currentUser, cancellationToken);
        if (!charted.IsSuccess)
        {
            return charted.Error;
        }

        var visit = charted.Value.Visit;
        var findings = await db.FindingsAtAsync(visit.Id, cancellationToken);
        var scores = await db.ScoresAsync(visit.EpisodeId, cancellationToken);
        var recommendation = ClinicalReasoning.ReferralAt(findings, scores, visit.StartsAt);
        if (recommendation is null)
        {
            return Error.Rule("Nothing at this visit calls for a referral to a doctor.");
        }

        db.ReferralAcknowledgements.Add(ReferralAcknowledgement.Record(
            visit.ClinicId, visit.EpisodeId, visit.Id, recommendation, command.Action, command.Note,
            currentUser.AsStaffRef(), clock.NowToTheMicrosecond()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
