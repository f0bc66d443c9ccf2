using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Application.Features.OutcomeSnapshot;
using PtClinic.Infrastructure.Seeding;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations (the app's and Hangfire's schema), grants the runtime role what it
/// may do, and, when asked, seeds the demo clinic. Runs before the app serves, as the owner role
/// when there is one (<paramref name="services"/> then connect as the owner).
/// </summary>
public static partial class DatabaseInitializer
{
    /// <param name="runtimeRole">The role the app connects as, granted its privileges after the
    /// migrations; null when the app migrates as itself (one role for everything, not for production).</param>
    public static async Task InitializeAsync(
        IServiceProvider services, bool migrate, bool seedDemo, string? runtimeRole = null, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (migrate)
        {
            // Npgsql's migrator reads the history table without checking that it exists and logs the
            // failure on an empty database as an error; creating it first keeps a first start clean.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, db.Database.GetMigrations().LastOrDefault() ?? "(none)");

            // The app starts Hangfire with PrepareSchemaIfNecessary off: its schema is the owner's too.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            PostgreSqlObjectsInstaller.Install(connection, DependencyInjection.HangfireSchema);
            if (runtimeRole is not null)
            {
                await DatabasePrivileges.ApplyAsync(connection, runtimeRole, cancellationToken);
                LogGranted(logger, runtimeRole);
            }

            await db.Database.CloseConnectionAsync();
            await BuildMissingMonthTotalsAsync(scope.ServiceProvider, db, logger, cancellationToken);
        }

        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoClinicSeeder>().SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A clinic with discharged episodes and no month totals (the migration that added the totals, or
    /// a restore of the outcome rows alone) gets them from its rebuild before the app serves.
    /// </summary>
    private static async Task BuildMissingMonthTotalsAsync(IServiceProvider services, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var clinics = await db.EpisodeOutcomes.IgnoreQueryFilters()
            .Where(OutcomeMonths.Added)
            .Select(o => o.ClinicId).Distinct()
            .Where(clinic => !db.EpisodeOutcomeMonths.IgnoreQueryFilters().Any(m => m.ClinicId == clinic))
            .ToListAsync(cancellationToken);
        var runner = services.GetRequiredService<IClinicOperationRunner>();
        foreach (var clinic in clinics)
        {
            var rebuilt = await runner.SendAsync(ClinicActor.SystemOf(clinic), new RebuildEpisodeOutcomesCommand(), cancellationToken);
            if (!rebuilt.IsSuccess)
            {
                throw new InvalidOperationException($"Building clinic {clinic}'s month totals failed: {rebuilt.Error.Message}");
            }

            LogMonthTotalsBuilt(logger, clinic, rebuilt.Value);
        }

        if (clinics.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE episode_outcome_months", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clinic {ClinicId} had no month totals of its outcomes: built, {Rows} rows written")]
    private static partial void LogMonthTotalsBuilt(ILogger logger, Guid clinicId, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database role {Role} is granted what the app may do, and no more")]
    private static partial void LogGranted(ILogger logger, string role);
}
