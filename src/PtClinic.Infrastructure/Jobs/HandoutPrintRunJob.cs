using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Handouts;

namespace PtClinic.Infrastructure.Jobs;

/// <summary>
/// Prints a therapist's run of the day's handouts: one <see cref="PrintRunStepCommand"/> per
/// handout, each in its own scope and save, as the therapist who asked (their clinic, their name
/// on every handout issued), until the run is done. Restart-safe: each step records the version it
/// issued in the save that issues it, so a job that is run again (Hangfire re-queues one whose
/// server died) goes on from the first handout not yet printed, and a step that issues a plan's
/// handout the patient already holds gets that version back instead of a new one.
/// </summary>
public sealed partial class HandoutPrintRunJob(IClinicOperationRunner runner, ILogger<HandoutPrintRunJob> logger)
{
    /// <summary>Retries after the first attempt; the last one failing marks the run failed.</summary>
    public const int Retries = 3;

    /// <summary>Steps that collide with another step of the same run are tried again this many times.</summary>
    private const int MaxConflicts = 5;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [5, 30, 120], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<HandoutPrintRunDto?> RunAsync(
        Guid runId, Guid clinicId, Guid requestedById, PerformContext? context, CancellationToken cancellationToken)
    {
        var requester = ClinicActor.StaffOf(clinicId, requestedById);
        try
        {
            return await StepUntilFinishedAsync(requester, runId, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsLastAttempt(context))
        {
            LogGaveUp(logger, ex, runId);
            await FailAsync(requester, runId);
            throw;
        }
    }

    /// <summary>The job's loop, one handout a step; what a restarted job runs again from where the run is.</summary>
    public async Task<HandoutPrintRunDto?> StepUntilFinishedAsync(ClinicActor requester, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var conflicts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = await runner.SendAsync(requester, new PrintRunStepCommand(runId), cancellationToken);
            if (step.IsSuccess)
            {
                if (step.Value.IsFinished)
                {
                    LogFinished(logger, runId, step.Value.Status, step.Value.Done, step.Value.Total);
                    return step.Value;
                }

                continue;
            }

            switch (step.Error.Kind)
            {
                case ErrorKind.Conflict when ++conflicts <= MaxConflicts:
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * conflicts), cancellationToken);
                    continue;
                case ErrorKind.NotFound:
                    // Not the requester's any more (or never was): nothing to print, nothing to retry.
                    LogNotFound(logger, runId);
                    return null;
                default:
                    throw new InvalidOperationException($"Print run {runId} step failed with {step.Error.Kind}: {step.Error.Message}");
            }
        }
    }

    private async Task FailAsync(ClinicActor requester, Guid runId)
    {
        try
        {
            await runner.SendAsync(requester, new FailHandoutPrintRunCommand(runId), CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            // The requester left the clinic, or the database is down: the run stays unfinished.
            LogCouldNotFail(logger, ex, runId);
        }
    }

    private static bool IsLastAttempt(PerformContext? context) =>
        context is not null && context.GetJobParameter<int>("RetryCount") >= Retries;

    [LoggerMessage(Level = LogLevel.Information, Message = "Print run {RunId} finished {Status}: {Done} of {Total} handouts")]
    private static partial void LogFinished(ILogger logger, Guid runId, Domain.Handouts.HandoutPrintRunStatus status, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Print run {RunId} was not found for its requester; nothing printed")]
    private static partial void LogNotFound(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Print run {RunId} failed on its last attempt; marking it failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Print run {RunId} could not be marked failed")]
    private static partial void LogCouldNotFail(ILogger logger, Exception exception, Guid runId);
}

/// <summary>Queues a print run's job on Hangfire: the job's arguments are ids only.</summary>
internal sealed class HangfireHandoutPrintQueue(IBackgroundJobClient jobs) : IHandoutPrintQueue
{
    public void Enqueue(HandoutPrintRunTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        jobs.Enqueue<HandoutPrintRunJob>(job => job.RunAsync(ticket.RunId, ticket.ClinicId, ticket.RequestedById, null, CancellationToken.None));
    }
}
