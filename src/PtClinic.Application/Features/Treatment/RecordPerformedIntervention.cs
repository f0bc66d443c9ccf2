using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>
/// Records an intervention given at the visit, with its minutes. The safety rules run with the
/// patient's flags as they are now: a blocking contraindication refuses it, a relative one needs
/// <see cref="Justification"/>.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RecordPerformedInterventionCommand(Guid VisitId, string InterventionCode, int Minutes, string? Notes, string? Justification)
    : ICommand<Result<InterventionPerformed>>;

public sealed record InterventionPerformed(Guid InterventionId, TreatmentSaved Saved);

public sealed class RecordPerformedInterventionValidator : AbstractValidator<RecordPerformedInterventionCommand>
{
    public RecordPerformedInterventionValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.InterventionCode).NotEmpty().WithMessage("Choose the intervention given.")
            .SingleLine(InterventionDefinition.CodeMaxLength, "the intervention code");
        RuleFor(c => c.Minutes).Between(PerformedIntervention.MinMinutes, PerformedIntervention.MaxMinutes, "minutes");
        RuleFor(c => c.Notes).SingleLine(PerformedIntervention.NotesMaxLength, "the dose or notes");
        RuleFor(c => c.Justification).MultiLine(SafetyVerdict.JustificationMaxLength, "the clinical justification");
    }
}

public sealed class RecordPerformedInterventionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ClinicClock clinicClock)
    : ICommandHandler<RecordPerformedInterventionCommand, Result<InterventionPerformed>>
{
    public async ValueTask<Result<InterventionPerformed>> Handle(RecordPerformedInterventionCommand command, CancellationToken cancellationToken)
    {
        var intervention = await db.InterventionToGiveAsync(command.InterventionCode, cancellationToken);
        if (intervention is null)
        {
            return Error.Validation(nameof(command.InterventionCode), "Choose an intervention of the clinic's catalog (a retired one is no longer given).");
        }

        var performedId = Guid.Empty;
        var saved = await db.EditTreatmentAsync(command.VisitId, currentUser, clock, async (treatment, visit, performer, at) =>
        {
            var safety = await db.SafetyAtAsync(visit, performer.UserId, clinicClock, cancellationToken);
            performedId = treatment.Perform(intervention, command.Minutes, command.Notes, command.Justification, safety, performer, at).Id;
            return null;
        }, cancellationToken);
        return saved.IsSuccess ? new InterventionPerformed(performedId, saved.Value) : saved.Error;
    }
}
