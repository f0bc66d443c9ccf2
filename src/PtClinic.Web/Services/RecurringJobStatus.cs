using Hangfire;
using Hangfire.Storage;
using PtClinic.Infrastructure.Jobs;

namespace PtClinic.Web.Services;

/// <summary>
/// When the hourly unsigned-notes report last ran, for a manager's home page. Only the time is
/// read: the job's result lists every clinic, so it never leaves Hangfire; the manager's own count
/// comes from the same query the job sends for their clinic.
/// </summary>
public sealed class RecurringJobStatus(JobStorage storage)
{
    public DateTimeOffset? UnsignedNotesReportLastRun()
    {
        using var connection = storage.GetConnection();
        var job = connection.GetRecurringJobs([UnsignedNotesReportJob.RecurringJobId]).FirstOrDefault();
        return job?.LastExecution is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }
}
