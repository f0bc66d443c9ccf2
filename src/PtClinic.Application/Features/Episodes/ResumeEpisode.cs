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

/// <summary>Ends a hold: treatment is under way again.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record ResumeEpisodeCommand(Guid EpisodeId, uint Version) : ICommand<Result>;

public sealed class ResumeEpisodeValidator : AbstractValidator<ResumeEpisodeCommand>
{
    public ResumeEpisodeValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
    }
}

public sealed class ResumeEpisodeHandler(IAppDbContext db) : ICommandHandler<ResumeEpisodeCommand, Result>
{
    public async ValueTask<Result> Handle(ResumeEpisodeCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == command.EpisodeId, cancellationToken);
        if (episode is null)
        {
            return Error.NotFound("Episode");
        }

        // Activate() also serves the first check-in; resuming is only the way back from a hold, or an
        // episode nobody has seen yet would turn active without a visit.
        if (episode.Status != EpisodeStatus.OnHold)
        {
            episode.EnsureNotDischarged();
            return Error.Rule("Only an episode on hold can be resumed.");
        }

        db.Entry(episode).Property(e => e.Version).OriginalValue = command.Version;
        episode.Resume();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
