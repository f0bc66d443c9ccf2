using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Episodes;

/// <summary>Pauses an episode (the patient travels, waits for imaging...). <see cref="Version"/> is the one on screen.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record PutEpisodeOnHoldCommand(Guid EpisodeId, uint Version, string? Reason) : ICommand<Result>;

public sealed class PutEpisodeOnHoldValidator : AbstractValidator<PutEpisodeOnHoldCommand>
{
    public PutEpisodeOnHoldValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.Reason).SingleLine(EpisodeOfCare.HoldReasonMaxLength, "the reason for the hold");
    }
}

public sealed class PutEpisodeOnHoldHandler(IAppDbContext db) : ICommandHandler<PutEpisodeOnHoldCommand, Result>
{
    public async ValueTask<Result> Handle(PutEpisodeOnHoldCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == command.EpisodeId, cancellationToken);
        if (episode is null)
        {
            return Error.NotFound("Episode");
        }

        // The version the user saw, not the one just read: a change in between is a Conflict.
        db.Entry(episode).Property(e => e.Version).OriginalValue = command.Version;
        episode.PutOnHold(command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
