using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Episodes;

/// <summary>Closes the episode for good; afterwards its notes take addenda only.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record DischargeEpisodeCommand(Guid EpisodeId, uint Version, DischargeReason? Reason, string? Note)
    : ICommand<Result>;

public sealed class DischargeEpisodeValidator : AbstractValidator<DischargeEpisodeCommand>
{
    public DischargeEpisodeValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.Reason).OneOf("the reason for discharge");
        RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == DischargeReason.Other)
            .WithMessage("Say why the episode ends when the reason is \"other\".");
        RuleFor(c => c.Note).MultiLine(EpisodeOfCare.DischargeNoteMaxLength, "the discharge note");
    }
}

public sealed class DischargeEpisodeHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<DischargeEpisodeCommand, Result>
{
    public async ValueTask<Result> Handle(DischargeEpisodeCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.FirstOrDefaultAsync(e => e.Id == command.EpisodeId, cancellationToken);
        if (episode is null)
        {
            return Error.NotFound("Episode");
        }

        db.Entry(episode).Property(e => e.Version).OriginalValue = command.Version;
        var unsignedNotes = await db.VisitNotes.CountAsync(
            n => n.Status == NoteStatus.Draft && db.Visits.Any(v => v.Id == n.VisitId && v.EpisodeId == episode.Id),
            cancellationToken);
        episode.Discharge(command.Reason!.Value, command.Note, unsignedNotes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
