using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Plans;

/// <summary>
/// Saves the whole draft as the page holds it (<see cref="Version"/>: the draft it read). Every
/// prescription is checked against the safety rules with the patient as they are now: a blocked
/// one, or a relative contraindication without a written justification, refuses the whole save.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record SavePlanDraftCommand(Guid EpisodeId, Guid PlanId, uint Version, PlanInput Plan) : ICommand<Result<PlanSaved>>;

public sealed class SavePlanDraftValidator : AbstractValidator<SavePlanDraftCommand>
{
    public SavePlanDraftValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.PlanId).Identifies("plan of care");
        RuleFor(c => c.Plan).NotNull().WithMessage("Send the plan (empty parts are fine).");
        When(c => c.Plan is not null, () =>
        {
            RuleFor(c => c.Plan.StartsOn).NotEqual(default(DateOnly)).WithMessage("Enter the date the plan starts.");
            RuleFor(c => c.Plan.Problems).Must(p => p.Count <= PlanContent.MaxProblems)
                .WithMessage($"List at most {PlanContent.MaxProblems} problems.");
            RuleForEach(c => c.Plan.Problems)
                .NotEmpty().WithMessage("Write the problem, or remove the empty line.")
                .SingleLine(PlanContent.ProblemMaxLength, "a problem");
            RuleFor(c => c.Plan.Goals).Must(g => g.Count <= PlanContent.MaxGoals).WithMessage($"Set at most {PlanContent.MaxGoals} goals.");
            RuleForEach(c => c.Plan.Goals).ChildRules(goal =>
            {
                goal.RuleFor(g => g.Description).SingleLine(PlanGoal.DescriptionMaxLength, "the goal");
                goal.RuleFor(g => g.Description).NotEmpty().When(g => g.Measure is null)
                    .WithMessage("Describe the functional goal, or choose an outcome measure.");
                goal.RuleFor(g => g.Measure).IsInEnum().When(g => g.Measure is not null)
                    .WithMessage("Choose the outcome measure from the list.");
                goal.RuleFor(g => g.Comparison).NotNull().When(g => g.Measure is not null)
                    .WithMessage("Say whether the score should be at most or at least the target.");
                goal.RuleFor(g => g.Target).NotNull().When(g => g.Measure is not null)
                    .WithMessage("Enter the target score.");
                goal.RuleFor(g => g.Target)
                    .Must((g, t) => t >= OutcomeMeasureDefinition.For(g.Measure!.Value).Minimum && t <= OutcomeMeasureDefinition.For(g.Measure!.Value).Maximum)
                    .When(g => g.Measure is { } m && Enum.IsDefined(m) && g.Target is not null)
                    .WithMessage(g => $"The {OutcomeMeasureDefinition.For(g.Measure!.Value).Abbreviation} target must be {OutcomeMeasureDefinition.For(g.Measure!.Value).Minimum:0.#} to {OutcomeMeasureDefinition.For(g.Measure!.Value).Maximum:0.#}.");
                goal.RuleFor(g => g.TargetDate).NotNull().WithMessage("Enter the date the goal should be met by.");
                goal.RuleFor(g => g.TargetDate)
                    .Must((_, date, context) => ((IValidationContext)context).ParentContext?.InstanceToValidate is not SavePlanDraftCommand { Plan: { } plan } || date >= plan.StartsOn)
                    .When(g => g.TargetDate is not null)
                    .WithMessage("A goal's date cannot be before the plan starts.");
            });
            RuleFor(c => c.Plan.VisitsPerWeek).Between(1, PlanContent.MaxVisitsPerWeek, "visits a week");
            RuleFor(c => c.Plan.DurationWeeks).Between(1, PlanContent.MaxDurationWeeks, "the plan's duration", "weeks");
            RuleFor(c => c.Plan.Items).Must(i => i.Count <= PlanContent.MaxItems)
                .WithMessage($"Prescribe at most {PlanContent.MaxItems} interventions.");
            RuleForEach(c => c.Plan.Items).ChildRules(item =>
            {
                item.RuleFor(i => i.Setting).OneOf("place (clinic or home)");
                item.RuleFor(i => i.InterventionCode).NotEmpty().WithMessage("Choose the intervention from the catalog.")
                    .SingleLine(InterventionDefinition.CodeMaxLength, "the intervention's code");
                item.RuleFor(i => i.Sets).Between(1, Dose.MaxSets, "sets");
                item.RuleFor(i => i.Reps).Between(1, Dose.MaxReps, "repetitions");
                item.RuleFor(i => i.HoldSeconds).Between(1, Dose.MaxHoldSeconds, "the hold", "seconds");
                item.RuleFor(i => i.MinutesOn).Between(1, Dose.MaxMinutes, "minutes on");
                item.RuleFor(i => i.MinutesOff).Between(1, Dose.MaxMinutes, "minutes off");
                item.RuleFor(i => i.TimesPerDay).Between(1, Dose.MaxTimesPerDay, "times a day");
                item.RuleFor(i => i.DaysPerWeek).Between(1, Dose.MaxDaysPerWeek, "days a week");
                item.RuleFor(i => i.Notes).MultiLine(PlanItem.NotesMaxLength, "the notes");
                item.RuleFor(i => i.Justification).MultiLine(SafetyVerdict.JustificationMaxLength, "the clinical justification");
            });
            RuleFor(c => c.Plan.SettledSuggestions).Must(s => s.Count <= PlanContent.MaxSettledSuggestions)
                .WithMessage("Too many suggestions were accepted or dropped; reload the plan.");
            RuleForEach(c => c.Plan.SettledSuggestions).NotNull().WithMessage("Reload the plan: a suggestion was sent without its key.")
                .SingleLine(PlanContent.SuggestionKeyMaxLength, "a suggestion's key");
        });
    }
}

public sealed class SavePlanDraftHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SavePlanDraftCommand, Result<PlanSaved>>
{
    public async ValueTask<Result<PlanSaved>> Handle(SavePlanDraftCommand command, CancellationToken cancellationToken)
    {
        var loaded = await db.PlanToChangeAsync(command.EpisodeId, command.PlanId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var plan = loaded.Value;

        var latest = await db.LatestAssessmentAsync(plan.EpisodeId, cancellationToken);
        var safety = await db.SafetyContextAsync(plan.PatientId, plan.EpisodeId, latest, cancellationToken);
        var catalog = await db.CatalogByCodeAsync(cancellationToken);
        var prescribable = PlanReading.Prescribable(catalog, plan.Content.Items.Select(i => i.InterventionCode).ToHashSet(StringComparer.Ordinal));
        if (PlanReading.SafetyRefusals(command.Plan.Items, prescribable, safety, "Plan.") is { Count: > 0 } refusals)
        {
            return Error.Validation(refusals);
        }

        // Checked again by the UPDATE itself (xmin), for a save that lands in between.
        db.Entry(plan).Property(p => p.Version).OriginalValue = command.Version;
        plan.Edit(command.Plan.ToContent(), prescribable, safety, currentUser.AsStaffRef(), clock.GetUtcNow());
        return await db.SavePlanAsync(plan, cancellationToken);
    }
}
