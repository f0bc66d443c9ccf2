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
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Subjective).MultiLine(VisitNote.SectionMaxLength, "the subjective section");
        RuleFor(c => c.Objective).MultiLine(VisitNote.SectionMaxLength, "the objective section");
        RuleFor(c => c.Assessment).MultiLine(VisitNote.SectionMaxLength, "the assessment section");
        RuleFor(c => c.Plan).MultiLine(VisitNote.SectionMaxLength, "the plan section");
    }
}

/// <summary>
/// Runs on every pause in typing, so the usual save costs one SELECT (the visit, its note and its
/// episode's status together, for the charting rule) and one UPDATE.
/// </summary>
public sealed class SaveNoteDraftHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveNoteDraftCommand, Result<NoteDraftSaved>>
{
    private const string ConflictMessage = DomainRuleBehaviour<SaveNoteDraftCommand, Result<NoteDraftSaved>>.ConflictMessage;

    public async ValueTask<Result<NoteDraftSaved>> Handle(SaveNoteDraftCommand command, CancellationToken cancellationToken)
    {
        var chart = await db.VisitWithNoteAsync(command.VisitId, cancellationToken);
        if (chart is null)
        {
            return Error.NotFound("Visit");
        }

        if (chart.DecisionFor(currentUser) is { MayChart: false } refused)
        {
            return Error.Rule(refused.Message!);
        }

        if (chart.Note is not { } note)
        {
            return await StartAsync(command, chart.Visit, cancellationToken);
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

    private async Task<Result<NoteDraftSaved>> StartAsync(SaveNoteDraftCommand command, Visit visit, CancellationToken cancellationToken)
    {
        if (command.Version is not null)
        {
            // The editor had a note that is no longer there.
            return Error.Conflict(ConflictMessage);
        }

        var author = currentUser.AsStaffRef();
        var now = clock.NowToTheMicrosecond();
        var note = VisitNote.Start(visit, author, now);
        note.SaveDraft(command.Subjective, command.Objective, command.Assessment, command.Plan, author, now);
        db.VisitNotes.Add(note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two first saves raced (two tabs, two therapists): one note per visit, the other one lost.
            return Error.Conflict(ConflictMessage);
        }

        return new NoteDraftSaved(note.Id, note.Version, note.LastEditedAt);
    }
}
