using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Plans;

/// <summary>
/// Signs the draft the page shows (<see cref="Version"/>) with its certification date; re-certification
/// is due by <see cref="RecertifyBy"/>, at most 90 days later (90 days when not given). The
/// prescriptions are checked against the safety rules again, as the patient is at signing.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record SignPlanOfCareCommand(Guid EpisodeId, Guid PlanId, uint Version, DateOnly CertifiedOn, DateOnly? RecertifyBy)
    : ICommand<Result<PlanSaved>>;

public sealed class SignPlanOfCareValidator : AbstractValidator<SignPlanOfCareCommand>
{
    public SignPlanOfCareValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.PlanId).Identifies("plan of care");
        RuleFor(c => c.CertifiedOn).NotEqual(default(DateOnly)).WithMessage("Enter the certification date.")
            .NotAfterClinicToday().WithMessage("The certification date cannot be in the future.");
        RuleFor(c => c.RecertifyBy)
            .Must((c, due) => due > c.CertifiedOn && due <= c.CertifiedOn.AddDays(PlanOfCare.MaxDaysToRecertification))
            .When(c => c.RecertifyBy is not null)
            .WithMessage($"Re-certification is due after the certification date and at most {PlanOfCare.MaxDaysToRecertification} days later.");
    }
}

public sealed class SignPlanOfCareHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ClinicClock clinicClock)
    : ICommandHandler<SignPlanOfCareCommand, Result<PlanSaved>>
{
    public async ValueTask<Result<PlanSaved>> Handle(SignPlanOfCareCommand command, CancellationToken cancellationToken)
    {
        var loaded = await db.PlanToChangeAsync(command.EpisodeId, command.PlanId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var plan = loaded.Value;

        var latest = await db.LatestAssessmentAsync(plan.EpisodeId, cancellationToken);
        var safety = await db.SafetyContextAsync(plan.PatientId, plan.EpisodeId, latest, cancellationToken);
        var items = PlanInput.From(plan.Content).Items;
        var catalog = await db.CatalogByCodeAsync(cancellationToken);
        var prescribable = PlanReading.Prescribable(catalog, items.Select(i => i.InterventionCode).ToHashSet(StringComparer.Ordinal));
        if (PlanReading.SafetyRefusals(items, prescribable, safety, string.Empty) is { Count: > 0 } refusals)
        {
            return Error.Rule($"{refusals[0].Message} Change the plan's prescriptions before signing it.");
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = command.Version;
        plan.Sign(command.CertifiedOn, command.RecertifyBy, await clinicClock.TodayAsync(cancellationToken),
            prescribable, safety, currentUser.AsStaffRef(), clock.GetUtcNow());
        return await db.SavePlanAsync(plan, cancellationToken);
    }
}
