using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Plans;

/// <summary>What every plan command returns: the draft or version it wrote and the version the page sends next time.</summary>
public sealed record PlanSaved(Guid PlanId, int Number, uint Version);

/// <summary>Starts the episode's first plan of care as an empty draft.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record StartPlanOfCareCommand(Guid EpisodeId, DateOnly StartsOn) : ICommand<Result<PlanSaved>>;

public sealed class StartPlanOfCareValidator : AbstractValidator<StartPlanOfCareCommand>
{
    public StartPlanOfCareValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.StartsOn).NotEqual(default(DateOnly)).WithMessage("Enter the date the plan starts.");
    }
}

public sealed class StartPlanOfCareHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<StartPlanOfCareCommand, Result<PlanSaved>>
{
    public async ValueTask<Result<PlanSaved>> Handle(StartPlanOfCareCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(command.EpisodeId, cancellationToken);
        if (!episode.IsSuccess)
        {
            return episode.Error;
        }

        if (await db.PlansOfCare.AnyAsync(p => p.EpisodeId == command.EpisodeId, cancellationToken))
        {
            return Error.Conflict("This episode already has a plan of care: revise it, or edit its draft.");
        }

        var plan = PlanOfCare.Start(episode.Value, command.StartsOn, currentUser.AsStaffRef(), clock.GetUtcNow());
        db.PlansOfCare.Add(plan);
        return await db.SavePlanAsync(plan, cancellationToken);
    }
}

internal static class PlanSaving
{
    /// <summary>Saves, turning a lost race to start the same version (the unique indexes) into the Conflict it is.</summary>
    public static async Task<Result<PlanSaved>> SavePlanAsync(this IAppDbContext db, PlanOfCare plan, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Error.Conflict(PlanReading.ConflictMessage);
        }

        return new PlanSaved(plan.Id, plan.Number, plan.Version);
    }
}
