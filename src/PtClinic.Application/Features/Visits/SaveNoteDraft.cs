using System.Data.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Behaviours;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// Autosaves the draft SOAP note of a visit. <see cref="Version"/> is the version the editor holds,
/// null for "there is no note yet". A save made against anything but the current note (someone saved
/// in between, or created the note first) is a Conflict and overwrites nothing. The editor sends the
/// returned version with its next save.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record SaveNoteDraftCommand(
    Guid VisitId,
    uint? Version,
    string? Subjective,
    string? Objective,
    string? Assessment,
    string? Plan) : ICommand<Result<NoteDraftSaved>>;

public sealed record NoteDraftSaved(Guid NoteId, uint Version, DateTimeOffset SavedAt);

public sealed class SaveNoteDraftValidator : AbstractValidator<SaveNoteDraftCommand>
{
    public SaveNoteDraftValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty().WithMessage("Choose the visit to chart.");
        RuleFor(c => c.Subjective).StorableText(VisitNote.SectionMaxLength, "the subjective");
        RuleFor(c => c.Objective).StorableText(VisitNote.SectionMaxLength, "the objective");
        RuleFor(c => c.Assessment).StorableText(VisitNote.SectionMaxLength, "the assessment");
        RuleFor(c => c.Plan).StorableText(VisitNote.SectionMaxLength, "the plan");
    }
}

/// <summary>
/// Runs on every pause in typing, so the usual save costs one SELECT (the note, by its unique visit)
/// and one UPDATE; the visit and episode are loaded only to create the note.
/// </summary>
public sealed class SaveNoteDraftHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveNoteDraftCommand, Result<NoteDraftSaved>>
{
    private const string UniqueViolation = "23505";
    private const string ConflictMessage = DomainRuleBehaviour<SaveNoteDraftCommand, Result<NoteDraftSaved>>.ConflictMessage;

    public async ValueTask<Result<NoteDraftSaved>> Handle(SaveNoteDraftCommand command, CancellationToken cancellationToken)
    {
        // A draft implies an episode still open: discharge is refused while any note is a draft, and
        // no note starts in a discharged episode. So the usual save reads the note alone, by its
        // unique visit, and writes it back.
        var note = await db.VisitNotes.FirstOrDefaultAsync(n => n.VisitId == command.VisitId, cancellationToken);
        if (note is null)
        {
            return await StartAsync(command, cancellationToken);
        }

        if (command.Version is not { } version)
        {
            return Error.Conflict(ConflictMessage);
        }

        // The UPDATE matches only the version the editor holds (xmin); any save in between makes it
        // match nothing, which surfaces as a Conflict.
        db.Entry(note).Property(n => n.Version).OriginalValue = version;
        note.SaveDraft(command.Subjective, command.Objective, command.Assessment, command.Plan, currentUser.AsStaffRef(), clock.NowToTheMicrosecond());
        await db.SaveChangesAsync(cancellationToken);
        return new NoteDraftSaved(note.Id, note.Version, note.LastEditedAt);
    }

    private async Task<Result<NoteDraftSaved>> StartAsync(SaveNoteDraftCommand command, CancellationToken cancellationToken)
    {
        var chart = await (
                from v in db.Visits.AsNoTracking()
                join e in db.Episodes.AsNoTracking() on v.EpisodeId equals e.Id
                where v.Id == command.VisitId
                select new { Visit = v, Episode = e })
            .FirstOrDefaultAsync(cancellationToken);
        if (chart is null)
        {
            return Error.NotFound("Visit");
        }

        chart.Episode.EnsureNotDischarged();
        if (command.Version is not null)
        {
            // The editor had a note that is no longer there.
            return Error.Conflict(ConflictMessage);
        }

        var author = currentUser.AsStaffRef();
        var now = clock.NowToTheMicrosecond();
        var note = VisitNote.Start(chart.Visit, author, now);
        note.SaveDraft(command.Subjective, command.Objective, command.Assessment, command.Plan, author, now);
        db.VisitNotes.Add(note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is DbException { SqlState: UniqueViolation })
        {
            // Two first saves raced (two tabs, two therapists): one note per visit, the other one lost.
            return Error.Conflict(ConflictMessage);
        }

        return new NoteDraftSaved(note.Id, note.Version, note.LastEditedAt);
    }
}
