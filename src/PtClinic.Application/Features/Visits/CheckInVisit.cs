using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Visits;

/// <summary>The patient arrived; the first check-in makes the episode active.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record CheckInVisitCommand(Guid VisitId) : ICommand<Result>;

public sealed class CheckInVisitValidator : AbstractValidator<CheckInVisitCommand>
{
    public CheckInVisitValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
    }
}

public sealed class CheckInVisitHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CheckInVisitCommand, Result>
{
    public async ValueTask<Result> Handle(CheckInVisitCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("Visit");
        }

        var episode = await db.Episodes.SingleAsync(e => e.Id == visit.EpisodeId, cancellationToken);
        // A discharged episode takes no new charting, so a visit left booked in it cannot start.
        episode.EnsureNotDischarged();
        visit.CheckIn(episode, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
