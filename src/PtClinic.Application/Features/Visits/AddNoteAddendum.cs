using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// Adds a dated, signed correction to a signed note, the only change a signed note takes; allowed
/// after discharge too.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record AddNoteAddendumCommand(Guid VisitId, string Text) : ICommand<Result<Guid>>;

public sealed class AddNoteAddendumValidator : AbstractValidator<AddNoteAddendumCommand>
{
    public AddNoteAddendumValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the addendum before signing it.")
            .MultiLine(NoteAddendum.TextMaxLength, "an addendum");
    }
}

public sealed class AddNoteAddendumHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddNoteAddendumCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AddNoteAddendumCommand command, CancellationToken cancellationToken)
    {
        var note = await db.VisitNotes.FirstOrDefaultAsync(n => n.VisitId == command.VisitId, cancellationToken);
        if (note is null)
        {
            return Error.NotFound("Visit note");
        }

        var addendum = note.AddAddendum(command.Text, currentUser.AsStaffRef(), clock.GetUtcNow());
        db.NoteAddenda.Add(addendum);
        await db.SaveChangesAsync(cancellationToken);
        return addendum.Id;
    }
}
