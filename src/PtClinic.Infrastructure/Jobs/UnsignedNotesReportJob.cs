using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Compliance;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Jobs;

/// <summary>One clinic's line of the report: its notes left unsigned past the deadline.</summary>
public sealed record ClinicOverdueNotes(Guid ClinicId, int Count, DateTimeOffset? OldestVisitStartsAt);

/// <summary>
/// Hourly, per clinic: how many notes are left unsigned more than 24 hours after their visit, in
/// the log for whoever watches it, and in the job's result on the jobs dashboard. Each clinic is
/// asked as its own system actor, so a clinic's count can only ever be of its own notes.
/// </summary>
public sealed partial class UnsignedNotesReportJob(AppDbContext db, IClinicOperationRunner runner, ILogger<UnsignedNotesReportJob> logger)
{
    public const string RecurringJobId = "unsigned-notes-report";

    public async Task<IReadOnlyList<ClinicOverdueNotes>> RunAsync(CancellationToken cancellationToken)
    {
        // Which clinics exist is the one thing no clinic's actor may see: the job's own scope has
        // no user, and it reads nothing but their ids.
        var clinicIds = await db.Clinics.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var report = new List<ClinicOverdueNotes>(clinicIds.Count);
        foreach (var clinicId in clinicIds)
        {
            var counted = await runner.SendAsync(ClinicActor.SystemOf(clinicId), new CountOverdueNotesQuery(), cancellationToken);
            if (!counted.IsSuccess)
            {
                // One clinic's failure must not hide the others' overdue notes.
                LogFailed(logger, clinicId, counted.Error.Kind, counted.Error.Message);
                continue;
            }

            var overdue = counted.Value;
            if (overdue.Count > 0)
            {
                LogOverdue(logger, clinicId, overdue.Count, overdue.OldestVisitStartsAt);
            }

            report.Add(new ClinicOverdueNotes(clinicId, overdue.Count, overdue.OldestVisitStartsAt));
        }

        LogDone(logger, report.Count, report.Sum(r => r.Count));
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic {ClinicId} has {Count} visit notes left unsigned for more than 24 hours; the oldest visit started {OldestVisitStartsAt:u}")]
    private static partial void LogOverdue(ILogger logger, Guid clinicId, int count, DateTimeOffset? oldestVisitStartsAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Counting clinic {ClinicId}'s unsigned notes failed with {ErrorKind}: {ErrorMessage}")]
    private static partial void LogFailed(ILogger logger, Guid clinicId, ErrorKind errorKind, string errorMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsigned-notes report: {Clinics} clinics, {Overdue} notes overdue in all")]
    private static partial void LogDone(ILogger logger, int clinics, int overdue);
}
