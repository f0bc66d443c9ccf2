using System.Data.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
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

/// <summary>
/// One step of a run, sent by its job as the requester: issues the first item still without its
/// handout and records the version in the same save; once every item has one, draws the combined
/// PDF from the versions' snapshots and marks the run done. A step of a finished run changes nothing.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record PrintRunStepCommand(Guid RunId) : ICommand<Result<HandoutPrintRunDto>>;

/// <summary>The job gave up on the run (its last attempt failed): the run says so, in words for the therapist.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record FailHandoutPrintRunCommand(Guid RunId) : ICommand<Result<HandoutPrintRunDto>>;

/// <summary>How the requester's run is getting on. Another therapist's run, or another clinic's, is not found.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record GetHandoutPrintRunQuery(Guid RunId) : IQuery<Result<HandoutPrintRunDto>>;

/// <summary>The requester's finished run as one PDF, every handout numbered on its own.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record GetHandoutPrintRunPdfQuery(Guid RunId) : IQuery<Result<HandoutPdf>>;

/// <param name="PrintedFor">The patients whose handout is printed so far, in the run's order.</param>
public sealed record HandoutPrintRunDto(
    Guid Id, DateOnly Day, bool LargePrint, HandoutPrintRunStatus Status, int Done, int Total, IReadOnlyList<string> PrintedFor, string? Failure)
{
    public bool IsFinished => Status is HandoutPrintRunStatus.Done or HandoutPrintRunStatus.Failed;
}

public sealed class StartHandoutPrintRunValidator : AbstractValidator<StartHandoutPrintRunCommand>;

public sealed class PrintRunStepValidator : AbstractValidator<PrintRunStepCommand>
{
    public PrintRunStepValidator()
    {
        RuleFor(c => c.RunId).Identifies("print run");
    }
}

public sealed class FailHandoutPrintRunValidator : AbstractValidator<FailHandoutPrintRunCommand>
{
    public FailHandoutPrintRunValidator()
    {
        RuleFor(c => c.RunId).Identifies("print run");
    }
}

public sealed class GetHandoutPrintRunValidator : AbstractValidator<GetHandoutPrintRunQuery>
{
    public GetHandoutPrintRunValidator()
    {
        RuleFor(q => q.RunId).Identifies("print run");
    }
}

public sealed class GetHandoutPrintRunPdfValidator : AbstractValidator<GetHandoutPrintRunPdfQuery>
{
    public GetHandoutPrintRunPdfValidator()
    {
        RuleFor(q => q.RunId).Identifies("print run");
    }
}

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

public sealed class PrintRunStepHandler(
    IAppDbContext db, IHandoutRenderer renderer, ICurrentUser currentUser, ClinicClock clinicClock)
    : ICommandHandler<PrintRunStepCommand, Result<HandoutPrintRunDto>>
{
    private const string UniqueViolation = "23505";

    public async ValueTask<Result<HandoutPrintRunDto>> Handle(PrintRunStepCommand command, CancellationToken cancellationToken)
    {
        var run = await db.HandoutPrintRuns.Include(r => r.Items)
            .FirstOrDefaultAsync(r => r.Id == command.RunId && r.RequestedBy.UserId == currentUser.UserId, cancellationToken);
        if (run is null)
        {
            return Error.NotFound("Print run");
        }

        if (run.IsFinished)
        {
            return await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
        }

        var now = clinicClock.UtcNow;
        if (run.NextToPrint() is { } next)
        {
            var issued = await db.IssueAsync(
                renderer, next.EpisodeId, run.LargePrint, currentUser.AsStaffRef(), now, await clinicClock.TodayAsync(cancellationToken), cancellationToken);
            if (issued.IsSuccess)
            {
                // In the same save as the version it names: a crash leaves both or neither.
                run.Printed(next, issued.Value.VersionId, now);
            }
            else
            {
                var patient = await db.Patients.AsNoTracking().Where(p => p.Id == next.PatientId)
                    .Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(cancellationToken);
                run.Fail($"{patient ?? "A patient"}'s handout could not be printed: {issued.Error.Message}", now);
            }
        }
        else
        {
            var versionIds = run.Items.Select(i => i.VersionId!.Value).ToList();
            var snapshots = await db.HandoutVersions.AsNoTracking()
                .Where(v => versionIds.Contains(v.Id))
                .ToDictionaryAsync(v => v.Id, v => v.Snapshot, cancellationToken);
            var contents = run.Items.OrderBy(i => i.Position)
                .Select(i => HandoutSnapshot.Deserialize(snapshots[i.VersionId!.Value]))
                .ToList();
            run.Finish(renderer.RenderAll(contents), now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("This print run moved on in another step just now; read it again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is DbException { SqlState: UniqueViolation })
        {
            // A colleague (or another run) issued this episode's handout at the same moment; the
            // next step finds it held and records it.
            return Error.Conflict("This handout was issued elsewhere just now; the next step picks it up.");
        }

        return await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
    }
}

public sealed class FailHandoutPrintRunHandler(IAppDbContext db, ICurrentUser currentUser, ClinicClock clinicClock)
    : ICommandHandler<FailHandoutPrintRunCommand, Result<HandoutPrintRunDto>>
{
    public const string Reason =
        "Printing stopped after an error. Start it again: the handouts already printed are kept, and none is issued twice.";

    public async ValueTask<Result<HandoutPrintRunDto>> Handle(FailHandoutPrintRunCommand command, CancellationToken cancellationToken)
    {
        var run = await db.HandoutPrintRuns.Include(r => r.Items)
            .FirstOrDefaultAsync(r => r.Id == command.RunId && r.RequestedBy.UserId == currentUser.UserId, cancellationToken);
        if (run is null)
        {
            return Error.NotFound("Print run");
        }

        if (!run.IsFinished)
        {
            run.Fail(Reason, clinicClock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
    }
}

public sealed class GetHandoutPrintRunHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetHandoutPrintRunQuery, Result<HandoutPrintRunDto>>
{
    public async ValueTask<Result<HandoutPrintRunDto>> Handle(GetHandoutPrintRunQuery query, CancellationToken cancellationToken)
    {
        var run = await db.HandoutPrintRuns.AsNoTracking().Include(r => r.Items)
            .FirstOrDefaultAsync(r => r.Id == query.RunId && r.RequestedBy.UserId == currentUser.UserId, cancellationToken);
        return run is null ? Error.NotFound("Print run") : await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
    }
}

public sealed class GetHandoutPrintRunPdfHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetHandoutPrintRunPdfQuery, Result<HandoutPdf>>
{
    public async ValueTask<Result<HandoutPdf>> Handle(GetHandoutPrintRunPdfQuery query, CancellationToken cancellationToken)
    {
        var run = await db.HandoutPrintRuns.AsNoTracking()
            .Where(r => r.Id == query.RunId && r.RequestedBy.UserId == currentUser.UserId)
            .Select(r => new { r.Status, r.Pdf, r.Day, r.FinishedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Error.NotFound("Print run");
        }

        return run.Status == HandoutPrintRunStatus.Done && run.Pdf is not null
            ? new HandoutPdf(run.Pdf, HandoutPrintRunReading.FileName(run.Day), run.FinishedAt)
            : Error.Rule("The handouts are still printing; the PDF is ready when all of them are.");
    }
}

internal static class HandoutPrintRunReading
{
    public static string FileName(DateOnly day) => $"handouts-{day:yyyy-MM-dd}.pdf";

    public static async Task<Result<HandoutPrintRunDto>> ProgressAsync(IAppDbContext db, HandoutPrintRun run, CancellationToken cancellationToken)
    {
        var printed = run.Items.Where(i => i.VersionId is not null).OrderBy(i => i.Position).Select(i => i.PatientId).ToList();
        var names = await db.Patients.AsNoTracking()
            .Where(p => printed.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        return new HandoutPrintRunDto(
            run.Id, run.Day, run.LargePrint, run.Status, run.DoneCount, run.Total, [.. printed.Select(id => names[id])], run.Failure);
    }
}
