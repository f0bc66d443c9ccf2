using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// Runs <see cref="EpisodeOutcomeSql"/> through Npgsql on the operation's own connection and
/// transaction, so a refresh inside a save sees that save's rows and commits or rolls back with it;
/// then brings the month totals of the episodes it refreshed (<see cref="OutcomeMonths"/>) up to
/// date in the same transaction.
/// </summary>
internal sealed class EpisodeOutcomes(AppDbContext db, TimeProvider clock) : IEpisodeOutcomes
{
    /// <summary>A whole clinic is one statement: far longer than a command's default 30 seconds may be needed at scale.</summary>
    private const int RebuildTimeoutSeconds = 600;

    /// <summary>Buckets deleted per statement: each is a clause of the WHERE.</summary>
    private const int DeleteChunk = 200;

    public async Task RefreshAsync(IReadOnlyCollection<Guid> episodeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episodeIds);
        if (episodeIds.Count == 0)
        {
            return;
        }

        // Without a signed-in user (a tool that names the clinic on each row it writes) each
        // episode is refreshed in its own clinic; with one, only that clinic's episodes are.
        var clinicId = db.CurrentClinicId;
        var refreshed = Outcomes(clinicId).Where(o => episodeIds.Contains(o.EpisodeId));
        // The months the episodes added to before (a repair may have moved one) and after.
        var before = await OutcomeMonths.BucketsAsync(refreshed, cancellationToken);
        var sql = clinicId is null ? EpisodeOutcomeSql.RefreshInOwnClinics : EpisodeOutcomeSql.Refresh;
        await ExecuteAsync(EpisodeOutcomeSql.Command(sql, clinicId, episodeIds, clock.GetUtcNow()), timeoutSeconds: null, cancellationToken);
        var after = await OutcomeMonths.BucketsAsync(refreshed, cancellationToken);
        var buckets = before.Union(after).ToList();
        if (buckets.Count == 0)
        {
            // Running episodes only: they add to no month total.
            return;
        }

        await LockMonthsAsync(buckets.Select(b => b.ClinicId), cancellationToken);
        var stored = await Months(clinicId).AsNoTracking().Where(OutcomeMonths.Of(buckets)).ToListAsync(cancellationToken);
        var computed = await OutcomeMonths.ComputeAsync(Outcomes(clinicId).AsNoTracking().Where(OutcomeMonths.AddingTo(buckets)), cancellationToken);
        await ReplaceAsync(clinicId, stored, computed, cancellationToken);
    }

    public async Task<int> RebuildClinicAsync(CancellationToken cancellationToken)
    {
        var clinicId = db.CurrentClinicId ?? throw new InvalidOperationException("Episode outcomes are rebuilt for a clinic's user only.");
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var corrected = Convert.ToInt32(
            await ExecuteAsync(EpisodeOutcomeSql.Command(EpisodeOutcomeSql.Rebuild, clinicId, episodeIds: null, clock.GetUtcNow()), RebuildTimeoutSeconds, cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

        corrected += await RebuildMonthTotalsAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return corrected;
    }

    public async Task<int> RebuildMonthTotalsAsync(CancellationToken cancellationToken)
    {
        var clinicId = db.CurrentClinicId ?? throw new InvalidOperationException("Month totals are rebuilt for a clinic's user only.");
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await LockMonthsAsync([clinicId], cancellationToken);
        var stored = await db.EpisodeOutcomeMonths.AsNoTracking().ToListAsync(cancellationToken);
        var computed = await OutcomeMonths.ComputeAsync(db.EpisodeOutcomes.AsNoTracking(), cancellationToken);
        var corrected = await ReplaceAsync(clinicId, stored, computed, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return corrected;
    }

    private IQueryable<EpisodeOutcome> Outcomes(Guid? clinicId) => clinicId is null ? db.EpisodeOutcomes.IgnoreQueryFilters() : db.EpisodeOutcomes;

    private IQueryable<EpisodeOutcomeMonth> Months(Guid? clinicId) => clinicId is null ? db.EpisodeOutcomeMonths.IgnoreQueryFilters() : db.EpisodeOutcomeMonths;

    /// <summary>
    /// One writer of a clinic's month totals at a time, until the transaction ends: a second
    /// transaction adding to the same month waits, then sums what the first committed with its own.
    /// </summary>
    private async Task LockMonthsAsync(IEnumerable<Guid> clinicIds, CancellationToken cancellationToken)
    {
        foreach (var clinicId in clinicIds.Distinct().Order())
        {
            var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('episode_outcome_months ' || @clinic_id::text, 0))")
            {
                Parameters = { new NpgsqlParameter<Guid>("clinic_id", clinicId) },
            };
            await ExecuteAsync(command, timeoutSeconds: null, cancellationToken);
        }
    }

    /// <summary>Makes the stored rows the computed ones; returns how many rows it removed, added or changed.</summary>
    private async Task<int> ReplaceAsync(Guid? clinicId, List<EpisodeOutcomeMonth> stored, List<EpisodeOutcomeMonth> computed, CancellationToken cancellationToken)
    {
        var (remove, write) = OutcomeMonths.Differences(stored, computed);
        foreach (var chunk in remove.Chunk(DeleteChunk))
        {
            await Months(clinicId).Where(OutcomeMonths.Of(chunk)).ExecuteDeleteAsync(cancellationToken);
        }

        if (write.Count > 0)
        {
            db.EpisodeOutcomeMonths.AddRange(write);
            await db.SaveChangesAsync(cancellationToken);
            // Written, not kept: the context may serve a long circuit.
            foreach (var row in write)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return remove.Union(write.Select(w => w.Bucket)).Count();
    }

    private async Task<object?> ExecuteAsync(NpgsqlCommand command, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var owned = command;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            command.Connection = connection;
            command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            if (timeoutSeconds is { } timeout)
            {
                command.CommandTimeout = timeout;
            }

            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
