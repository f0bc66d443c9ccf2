using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// Signs the visit's note as the current user and completes the visit. <see cref="Version"/> is the
/// note on screen: nobody signs text they have not seen.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record SignVisitNoteCommand(Guid VisitId, uint Version) : ICommand<Result>;

public sealed class SignVisitNoteValidator : AbstractValidator<SignVisitNoteCommand>
{
    public SignVisitNoteValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
    }
}

public sealed class SignVisitNoteHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SignVisitNoteCommand, Result>
{
    public async ValueTask<Result> Handle(SignVisitNoteCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("Visit");
        }

        var note = await db.VisitNotes.FirstOrDefaultAsync(n => n.VisitId == visit.Id, cancellationToken);
        if (note is null)
        {
            return Error.Rule("There is no note to sign yet; write at least one section.");
        }

        // As the charting page offers it: a discharged episode's notes take addenda only.
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == visit.EpisodeId, cancellationToken);
        episode.EnsureNotDischarged();

        db.Entry(note).Property(n => n.Version).OriginalValue = command.Version;
        note.Sign(visit, currentUser.AsStaffRef(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
