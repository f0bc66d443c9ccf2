using Npgsql;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Web;

/// <summary>
/// The two database roles the app knows: the owner, which migrates (and seeds the demo clinic),
/// and the runtime role the app serves as, which owns nothing (see <see cref="DatabasePrivileges"/>).
/// </summary>
public static partial class DatabaseSetup
{
    /// <summary>The runtime role's connection: ConnectionStrings__Postgres.</summary>
    public const string RuntimeConnectionName = "Postgres";

    /// <summary>The owner's connection, for migrating only: ConnectionStrings__PostgresOwner.</summary>
    public const string OwnerConnectionName = "PostgresOwner";

    /// <summary>Names the runtime role when the migrator has no runtime connection string to read it from.</summary>
    public const string RuntimeRoleKey = "Database:RuntimeRole";

    /// <summary>The role granted the app's privileges: Database:RuntimeRole, else the user of the runtime connection.</summary>
    public static string RuntimeRole(IConfiguration configuration, string? runtimeConnectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var role = configuration[RuntimeRoleKey]
            ?? (runtimeConnectionString is null ? null : new NpgsqlConnectionStringBuilder(runtimeConnectionString).Username);
        return string.IsNullOrWhiteSpace(role)
            ? throw new InvalidOperationException(
                "Migrating as the owner needs the app's role: set ConnectionStrings__Postgres (its user) or Database__RuntimeRole.")
            : role;
    }

    /// <summary>
    /// Migrates and seeds as the owner, in a service graph of its own over the owner's connection
    /// (the seeder writes through the app's own services), then grants the runtime role its share.
    /// </summary>
    public static async Task RunAsOwnerAsync(
        string ownerConnectionString, string runtimeRole, bool migrate, bool seedDemo, ILoggerFactory loggers,
        CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddPtClinicCore(new InfrastructureOptions(ownerConnectionString, RunJobServer: false));
        await using var provider = services.BuildServiceProvider();
        await DatabaseInitializer.InitializeAsync(provider, migrate, seedDemo, runtimeRole, cancellationToken);
    }

    /// <summary>
    /// The safety net: a superuser or the tables' owner can lift every guard on signed records.
    /// Outside Development the app refuses to start so; in Development it says so.
    /// </summary>
    public static async Task CheckRuntimeRoleAsync(string connectionString, bool development, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (await DatabasePrivileges.RuntimeRoleProblemAsync(connection, cancellationToken) is not { } problem)
        {
            return;
        }

        const string Advice = "connect the app as a role that owns nothing, and migrate with ConnectionStrings__PostgresOwner (see deploy/README.md)";
        if (!development)
        {
            throw new InvalidOperationException($"{problem}: it could disable the triggers that protect signed records; {Advice}.");
        }

        LogOverPrivileged(logger, problem, Advice);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}: allowed in Development only; {Advice}")]
    private static partial void LogOverPrivileged(ILogger logger, string problem, string advice);
}
