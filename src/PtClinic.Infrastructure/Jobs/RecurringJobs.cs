using Hangfire;

namespace PtClinic.Infrastructure.Jobs;

/// <summary>The background jobs that run on a schedule; the host registers them once at start.</summary>
public static class RecurringJobs
{
    public static void Schedule(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<UnsignedNotesReportJob>(
            UnsignedNotesReportJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<EndedSessionsCleanupJob>(
            EndedSessionsCleanupJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        // At night (UTC), when few notes are signed: a clinic's rebuild reads all its records.
        jobs.AddOrUpdate<EpisodeOutcomesCheckJob>(
            EpisodeOutcomesCheckJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
    }
}
