using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// Issues the episode's home exercise program handout from the signed plan in force: the next
/// version, kept as printed. When the patient already holds that plan's handout in that print
/// size, the answer is that version (print it again), not a new one.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record IssueHandoutCommand(Guid EpisodeId, bool LargePrint) : ICommand<Result<HandoutIssued>>;

public sealed class IssueHandoutValidator : AbstractValidator<IssueHandoutCommand>
{
    public IssueHandoutValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
    }
}

public sealed class IssueHandoutHandler(
    IAppDbContext db, IHandoutRenderer renderer, ICurrentUser currentUser, TimeProvider clock, ClinicClock clinicClock)
    : ICommandHandler<IssueHandoutCommand, Result<HandoutIssued>>
{
    public async ValueTask<Result<HandoutIssued>> Handle(IssueHandoutCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Episodes.AnyAsync(e => e.Id == command.EpisodeId, cancellationToken))
        {
            return Error.NotFound("Episode");
        }

        var issued = await db.IssueAsync(
            renderer, command.EpisodeId, command.LargePrint, currentUser.AsStaffRef(), clock.GetUtcNow(),
            await clinicClock.TodayAsync(cancellationToken), cancellationToken);
        if (!issued.IsSuccess || !issued.Value.IsNew)
        {
            return issued;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Error.Conflict("This handout was issued from another tab or by a colleague just now. Reload the plan to see it.");
        }

        return issued;
    }
}
