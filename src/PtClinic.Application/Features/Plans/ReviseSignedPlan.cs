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

/// <summary>
/// Starts the next version of the episode's plan as a draft copy of the one in force; the signed
/// version is not touched and stays readable.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record ReviseSignedPlanCommand(Guid EpisodeId, Guid PlanId) : ICommand<Result<PlanSaved>>;

public sealed class ReviseSignedPlanValidator : AbstractValidator<ReviseSignedPlanCommand>
{
    public ReviseSignedPlanValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.PlanId).Identifies("plan of care");
    }
}

public sealed class ReviseSignedPlanHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReviseSignedPlanCommand, Result<PlanSaved>>
{
    public async ValueTask<Result<PlanSaved>> Handle(ReviseSignedPlanCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(command.EpisodeId, cancellationToken);
        if (!episode.IsSuccess)
        {
            return episode.Error;
        }

        var versions = await db.PlansOfCare.AsNoTracking()
            .Where(p => p.EpisodeId == command.EpisodeId)
            .OrderByDescending(p => p.Number)
            .ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(p => p.Id == command.PlanId) is not { } revised)
        {
            return Error.NotFound("Plan of care");
        }

        if (versions[0].Id != revised.Id)
        {
            return Error.Conflict(versions[0].IsSigned
                ? "A later version of this plan is signed: revise the one in force."
                : "This plan is already being revised: edit the draft.");
        }

        var next = revised.Revise(episode.Value, currentUser.AsStaffRef(), clock.GetUtcNow());
        db.PlansOfCare.Add(next);
        return await db.SavePlanAsync(next, cancellationToken);
    }
}
