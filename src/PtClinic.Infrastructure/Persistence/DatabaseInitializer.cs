using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtClinic.Infrastructure.Seeding;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>Applies pending migrations and, when asked, seeds the demo clinic. Runs before the app serves.</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(
        IServiceProvider services, bool migrate, bool seedDemo, CancellationToken cancellationToken = default)
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
        }

        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoClinicSeeder>().SeedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, string migration);
}
