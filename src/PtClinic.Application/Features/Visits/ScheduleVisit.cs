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

/// <summary>Books a visit in an episode that is not discharged. Past times are allowed: walk-ins are entered afterwards.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record ScheduleVisitCommand(
    Guid EpisodeId,
    Guid TherapistId,
    DateTimeOffset? StartsAt,
    int DurationMinutes,
    VisitType? Type) : ICommand<Result<Guid>>;

public sealed class ScheduleVisitValidator : AbstractValidator<ScheduleVisitCommand>
{
    public ScheduleVisitValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.TherapistId).NotEmpty().WithMessage("Choose the therapist.");
        RuleFor(c => c.StartsAt).NotNull().WithMessage("Enter the date and start time of the visit.");
        RuleFor(c => c.DurationMinutes).Between(Visit.MinDurationMinutes, Visit.MaxDurationMinutes, "a visit's length", "minutes");
        RuleFor(c => c.Type).OneOf("the visit type");
    }
}

public sealed class ScheduleVisitHandler(
    IAppDbContext db,
    IStaffDirectory staff,
    ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<ScheduleVisitCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ScheduleVisitCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EpisodeId, cancellationToken);
        if (episode is null)
        {
            return Error.NotFound("Episode");
        }

        if (!await staff.IsTherapistAsync(currentUser.ClinicId!.Value, command.TherapistId, cancellationToken))
        {
            return Error.Validation(nameof(command.TherapistId), "Choose a therapist of this clinic.");
        }

        // timestamptz stores an instant; Npgsql writes only UTC offsets.
        var visit = Visit.Schedule(
            episode,
            command.TherapistId,
            command.StartsAt!.Value.ToUniversalTime(),
            command.DurationMinutes,
            command.Type!.Value,
            clock.GetUtcNow());

        db.Visits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return visit.Id;
    }
}
