using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>An adverse event as the dialog sends it.</summary>
public sealed record AdverseEventInput(AdverseEventKind Kind, AdverseEventSeverity Severity, string? Description, string? ActionTaken);

/// <summary>
/// Records the visit's dry-needling session (replacing one recorded before while the note is a
/// draft): the knots needled, picked from those charted at this visit, the needles and their lot,
/// the technique, the response and any adverse event. Refused, with nothing saved, when the safety
/// rules block it now: no active consent, no current credential of the therapist needling, an
/// anticoagulant or another flag that rules needling out.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RecordDryNeedlingCommand(
    Guid VisitId,
    IReadOnlyList<NeedledKnot> Sites,
    int NeedleCount,
    decimal NeedleGaugeMm,
    int NeedleLengthMm,
    string? LotNumber,
    DryNeedlingTechnique Technique,
    string? ImmediateResponse,
    IReadOnlyList<AdverseEventInput> AdverseEvents,
    string? Justification) : ICommand<Result<TreatmentSaved>>;

public sealed class RecordDryNeedlingValidator : AbstractValidator<RecordDryNeedlingCommand>
{
    public RecordDryNeedlingValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Sites).NotEmpty().WithMessage("Pick at least one knot charted today to needle.")
            .Must(sites => sites is null || sites.Count <= DryNeedlingProcedure.MaxSites)
            .WithMessage($"Record at most {DryNeedlingProcedure.MaxSites} sites in one session.")
            .Must(sites => sites is null || sites.Select(s => s.KnotId).Distinct().Count() == sites.Count)
            .WithMessage("Pick each knot once.");
        RuleFor(c => c.NeedleCount).Between(1, DryNeedlingDetails.MaxNeedles, "the number of needles");
        RuleFor(c => c.NeedleCount).GreaterThanOrEqualTo(c => c.Sites == null ? 0 : c.Sites.Count)
            .WithMessage("Each site needled takes at least one needle.");
        RuleFor(c => (decimal?)c.NeedleGaugeMm).Between(DryNeedlingDetails.MinGaugeMm, DryNeedlingDetails.MaxGaugeMm, "the needle diameter", "mm")
            .OverridePropertyName(nameof(RecordDryNeedlingCommand.NeedleGaugeMm));
        RuleFor(c => c.NeedleLengthMm).Between(DryNeedlingDetails.MinLengthMm, DryNeedlingDetails.MaxLengthMm, "the needle length", "mm");
        RuleFor(c => c.LotNumber).NotEmpty().WithMessage("Enter the needles' lot number, as printed on the pack.")
            .SingleLine(DryNeedlingDetails.LotNumberMaxLength, "the lot number");
        RuleFor(c => c.Technique).OneOf("the technique");
        RuleFor(c => c.ImmediateResponse).MultiLine(DryNeedlingDetails.ImmediateResponseMaxLength, "the immediate response");
        RuleFor(c => c.AdverseEvents).NotNull().WithMessage("Send the adverse events (none is an empty list).")
            .Must(events => events is null || events.Count <= DryNeedlingDetails.MaxAdverseEvents)
            .WithMessage($"Record at most {DryNeedlingDetails.MaxAdverseEvents} adverse events.");
        RuleForEach(c => c.AdverseEvents).ChildRules(e =>
        {
            e.RuleFor(a => a.Kind).OneOf("the adverse event");
            e.RuleFor(a => a.Severity).OneOf("the severity");
            e.RuleFor(a => a.Description).NotEmpty().When(a => a.Kind == AdverseEventKind.Other).WithMessage("Describe the other adverse event.");
            e.RuleFor(a => a.Description).SingleLine(AdverseEvent.DescriptionMaxLength, "the description of the adverse event");
            e.RuleFor(a => a.ActionTaken).SingleLine(AdverseEvent.ActionTakenMaxLength, "the action taken");
        });
        RuleFor(c => c.Justification).MultiLine(SafetyVerdict.JustificationMaxLength, "the clinical justification");
    }
}

public sealed class RecordDryNeedlingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ClinicClock clinicClock)
    : ICommandHandler<RecordDryNeedlingCommand, Result<TreatmentSaved>>
{
    public async ValueTask<Result<TreatmentSaved>> Handle(RecordDryNeedlingCommand command, CancellationToken cancellationToken)
    {
        var dryNeedling = await db.InterventionToGiveAsync(InterventionCatalog.DryNeedling, cancellationToken);
        if (dryNeedling is null)
        {
            return Error.Rule("Dry needling is retired from this clinic's catalog and is no longer given.");
        }

        var details = new DryNeedlingDetails(
            command.NeedleCount, command.NeedleGaugeMm, command.NeedleLengthMm, command.LotNumber ?? string.Empty, command.Technique,
            command.ImmediateResponse, [.. command.AdverseEvents.Select(e => new AdverseEvent(e.Kind, e.Severity, e.Description, e.ActionTaken))]);
        return await db.EditTreatmentAsync(command.VisitId, currentUser, clock, async (treatment, visit, performer, at) =>
        {
            var knots = await (
                    from a in db.VisitAssessments
                    where a.VisitId == visit.Id
                    from k in db.KnotFindings
                    where k.AssessmentId == a.Id
                    select k)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (command.Sites.Any(s => knots.All(k => k.Id != s.KnotId)))
            {
                return Error.Validation(nameof(command.Sites), "Needle only knots charted at this visit: chart the knot on the body chart first.");
            }

            var safety = await db.SafetyAtAsync(visit, performer.UserId, clinicClock, cancellationToken);
            treatment.RecordDryNeedling(dryNeedling, knots, command.Sites, details, command.Justification, safety, performer, at);
            return null;
        }, cancellationToken);
    }
}
