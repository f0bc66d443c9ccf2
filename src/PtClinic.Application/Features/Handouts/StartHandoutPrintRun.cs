using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// Runs a print run in the background, as the therapist who asked for it (Infrastructure: a
/// Hangfire job). Called once the run is saved, so the job always finds it.
/// </summary>
public interface IHandoutPrintQueue
{
    void Enqueue(HandoutPrintRunTicket ticket);
}

/// <summary>What the job needs to act as the requester: their clinic and their id, and the run.</summary>
public sealed record HandoutPrintRunTicket(Guid RunId, Guid ClinicId, Guid RequestedById);

/// <summary>
/// "Print today's handouts": the therapist's visits of the clinic's today that go ahead (not
/// cancelled, not a no-show), each episode once in the day's order, whose signed plan in force has
/// a home program. The run is saved with its items, then queued; the job issues each handout
/// (or reuses the one the patient holds) and makes one PDF of them all.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record StartHandoutPrintRunCommand(bool LargePrint) : ICommand<Result<HandoutPrintRunStarted>>;

public sealed record HandoutPrintRunStarted(Guid RunId, int Total);

public sealed class StartHandoutPrintRunValidator : AbstractValidator<StartHandoutPrintRunCommand>;

public sealed class StartHandoutPrintRunHandler(
    IAppDbContext db, ICurrentUser currentUser, ClinicClock clinicClock, IHandoutPrintQueue queue)
    : ICommandHandler<StartHandoutPrintRunCommand, Result<HandoutPrintRunStarted>>
{
    public async ValueTask<Result<HandoutPrintRunStarted>> Handle(StartHandoutPrintRunCommand command, CancellationToken cancellationToken)
    {
        var calendar = await clinicClock.CalendarAsync(cancellationToken);
        var now = clinicClock.UtcNow;
        var day = calendar.DateOf(now);
        var (dayStarts, dayEnds) = calendar.DayOf(day);
        var me = currentUser.UserId;

        // The visits the therapist sees the patient at: their own, less those a colleague covers,
        // and those they cover for a colleague.
        var visits = await db.Visits.AsNoTracking()
            .Where(v => (v.CoveringTherapistId ?? v.TherapistId) == me && v.StartsAt >= dayStarts && v.StartsAt < dayEnds)
            .Where(v => v.Status != VisitStatus.Cancelled && v.Status != VisitStatus.NoShow)
            .OrderBy(v => v.StartsAt).ThenBy(v => v.Id)
            .Select(v => new { v.EpisodeId, v.PatientId })
            .ToListAsync(cancellationToken);
        var episodes = visits.DistinctBy(v => v.EpisodeId).ToList();
        var episodeIds = episodes.Select(e => e.EpisodeId).ToList();

        // The plan in force is each episode's latest signed version; a handout prints its home program.
        var inForce = (await db.PlansOfCare.AsNoTracking()
                .Where(p => episodeIds.Contains(p.EpisodeId) && p.Status == PlanStatus.Signed)
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.EpisodeId)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Number)!);
        var printable = episodes
            .Where(e => inForce.TryGetValue(e.EpisodeId, out var plan) && plan.Content.HomeProgram.Any())
            .Select(e => (e.EpisodeId, e.PatientId))
            .Take(HandoutPrintRun.MaxItems)
            .ToList();
        if (printable.Count == 0)
        {
            return Error.Rule(visits.Count == 0
                ? "You have no visits today, so there are no handouts to print."
                : "None of today's patients has a signed plan of care with a home program, so there are no handouts to print.");
        }

        var run = HandoutPrintRun.Start(currentUser.ClinicId!.Value, day, command.LargePrint, printable, currentUser.AsStaffRef(), now);
        db.HandoutPrintRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        // Only now: a job queued before the save could run before the run exists.
        queue.Enqueue(new HandoutPrintRunTicket(run.Id, run.ClinicId, run.RequestedBy.UserId));
        return new HandoutPrintRunStarted(run.Id, run.Total);
    }
}
