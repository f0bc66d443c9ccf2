using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PtClinic.Application.Common.Abstractions;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// Runs <see cref="EpisodeOutcomeSql"/> through Npgsql on the operation's own connection and
/// transaction, so a refresh inside a save sees that save's rows and commits or rolls back with it.
/// </summary>
internal sealed class EpisodeOutcomes(AppDbContext db, TimeProvider clock) : IEpisodeOutcomes
{
    /// <summary>A whole clinic is one statement: far longer than a command's default 30 seconds may be needed at scale.</summary>
    private const int RebuildTimeoutSeconds = 600;

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
        var sql = clinicId is null ? EpisodeOutcomeSql.RefreshInOwnClinics : EpisodeOutcomeSql.Refresh;
        await ExecuteAsync(EpisodeOutcomeSql.Command(sql, clinicId, episodeIds, clock.GetUtcNow()), timeoutSeconds: null, cancellationToken);
    }

    public async Task<int> RebuildClinicAsync(CancellationToken cancellationToken)
    {
        var clinicId = db.CurrentClinicId ?? throw new InvalidOperationException("Episode outcomes are rebuilt for a clinic's user only.");
        var corrected = await ExecuteAsync(
            EpisodeOutcomeSql.Command(EpisodeOutcomeSql.Rebuild, clinicId, episodeIds: null, clock.GetUtcNow()), RebuildTimeoutSeconds, cancellationToken);
        return Convert.ToInt32(corrected, System.Globalization.CultureInfo.InvariantCulture);
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
