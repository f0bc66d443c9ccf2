using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
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
        }

        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoClinicSeeder>().SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database role {Role} is granted what the app may do, and no more")]
    private static partial void LogGranted(ILogger logger, string role);
}
