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
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// One step of a run, sent by its job as the requester: issues the first item still without its
/// handout and records the version in the same save; once every item has one, draws the combined
/// PDF from the versions' snapshots and marks the run done. A step of a finished run changes nothing.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record PrintRunStepCommand(Guid RunId) : ICommand<Result<HandoutPrintRunDto>>;

public sealed class PrintRunStepValidator : AbstractValidator<PrintRunStepCommand>
{
    public PrintRunStepValidator()
    {
        RuleFor(c => c.RunId).Identifies("print run");
    }
}

public sealed class PrintRunStepHandler(
    IAppDbContext db, IHandoutRenderer renderer, ICurrentUser currentUser, ClinicClock clinicClock)
    : ICommandHandler<PrintRunStepCommand, Result<HandoutPrintRunDto>>
{
    public async ValueTask<Result<HandoutPrintRunDto>> Handle(PrintRunStepCommand command, CancellationToken cancellationToken)
    {
        var run = await db.RequesterRunAsync(command.RunId, currentUser, tracked: true, cancellationToken);
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
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A colleague (or another run) issued this episode's handout at the same moment; the
            // next step finds it held and records it.
            return Error.Conflict("This handout was issued elsewhere just now; the next step picks it up.");
        }

        return await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
    }
}
