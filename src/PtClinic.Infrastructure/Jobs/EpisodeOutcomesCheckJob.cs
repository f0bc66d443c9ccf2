using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.OutcomeSnapshot;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Jobs;

/// <summary>One clinic's line of the nightly check: how many outcome rows it had to correct.</summary>
public sealed record ClinicOutcomeCorrections(Guid ClinicId, int Corrected);

/// <summary>
/// Nightly, per clinic, as its own system actor: rebuilds the outcome rows from the records. The
/// rows are kept current in every saving transaction, so a correction means something bypassed
/// that (a repair by hand, a changed rule, a bug): it is logged as a warning naming the clinic.
/// </summary>
public sealed partial class EpisodeOutcomesCheckJob(AppDbContext db, IClinicOperationRunner runner, ILogger<EpisodeOutcomesCheckJob> logger)
{
    public const string RecurringJobId = "episode-outcomes-check";

    public async Task<IReadOnlyList<ClinicOutcomeCorrections>> RunAsync(CancellationToken cancellationToken)
    {
        // Which clinics exist is the one thing no clinic's actor may see: the job's own scope has
        // no user, and it reads nothing but their ids.
        var clinicIds = await db.Clinics.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var report = new List<ClinicOutcomeCorrections>(clinicIds.Count);
        foreach (var clinicId in clinicIds)
        {
            var rebuilt = await runner.SendAsync(ClinicActor.SystemOf(clinicId), new RebuildEpisodeOutcomesCommand(), cancellationToken);
            if (!rebuilt.IsSuccess)
            {
                // One clinic's failure must not stop the others' check.
                LogFailed(logger, clinicId, rebuilt.Error.Kind, rebuilt.Error.Message);
                continue;
            }

            if (rebuilt.Value > 0)
            {
                LogCorrected(logger, clinicId, rebuilt.Value);
            }

            report.Add(new ClinicOutcomeCorrections(clinicId, rebuilt.Value));
        }

        LogDone(logger, report.Count, report.Sum(r => r.Corrected));
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic {ClinicId}: the nightly check corrected {Corrected} episode outcome rows that differed from the records")]
    private static partial void LogCorrected(ILogger logger, Guid clinicId, int corrected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking clinic {ClinicId}'s episode outcomes failed with {ErrorKind}: {ErrorMessage}")]
    private static partial void LogFailed(ILogger logger, Guid clinicId, ErrorKind errorKind, string errorMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Episode outcomes check: {Clinics} clinics, {Corrected} rows corrected in all")]
    private static partial void LogDone(ILogger logger, int clinics, int corrected);
}
