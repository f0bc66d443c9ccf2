using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
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
    : ICommand<Result<AssessmentSaved>>;

public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcomeCommand>
{
    public RecordOutcomeValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Measure).OneOf("the questionnaire");
        RuleFor(c => c.Ratings).NotNull().WithMessage("Send the answers to the questionnaire.");
        // The scoring refuses an answer out of range too, but only here is it said beside the answer.
        RuleForEach(c => c.Ratings)
            .Must((c, rating) => rating is null || (rating >= 0 && rating <= MaxRatingOf(c.Measure)))
            .WithMessage((c, _) => $"Each answer to the questionnaire must be 0 to {MaxRatingOf(c.Measure)}.");
        RuleFor(c => c.ActivityNames).NotNull().WithMessage("Send the activity names (none for a questionnaire without them).");
        RuleForEach(c => c.ActivityNames).SingleLine(PsfsResponse.ActivityNameMaxLength, "each activity name");
    }

    private static int MaxRatingOf(OutcomeMeasure measure) => measure switch
    {
        OutcomeMeasure.Nprs => NprsResponse.MaxRating,
        OutcomeMeasure.Lefs => LefsResponse.MaxItemRating,
        OutcomeMeasure.Psfs => PsfsResponse.MaxRating,
        OutcomeMeasure.Odi => OdiResponse.MaxSectionRating,
        _ => int.MaxValue,
    };
}

public sealed class RecordOutcomeHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordOutcomeCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RecordOutcomeCommand command, CancellationToken cancellationToken)
    {
        var response = OutcomeScoring.Score(command.Measure, command.Ratings, command.ActivityNames);
        return await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.RecordOutcome(response, editor, at), cancellationToken);
    }
}
