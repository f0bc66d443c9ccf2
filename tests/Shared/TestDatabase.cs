using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Web;
using Respawn;
using Testcontainers.PostgreSql;

namespace PtClinic.Tests.Shared;

/// <summary>
/// One real PostgreSQL database per test project and run: in a throwaway container when a Docker
/// engine answers, otherwise on the private cluster that `./ptclinic.sh test` starts (its admin
/// connection string in PTCLINIC_TEST_POSTGRES). As in production, the database has two roles of
/// its own (roles are cluster-wide, so they are named after the database): <c>&lt;db&gt;_owner</c> owns
/// it and applies the migrations, <c>&lt;db&gt;_app</c> is what the app under test connects as, with only
/// the grants the migrator gives it. Migrations are applied once; <see cref="ResetAsync"/> empties the
/// public schema (keeping the migrations history) before each test.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PTCLINIC_TEST_POSTGRES";

    /// <summary>Appended to database names, so two test runs can share one server without clobbering.</summary>
    public const string SuffixVariable = "PTCLINIC_TEST_DB_SUFFIX";

    private readonly PostgreSqlContainer? _container;
    private Respawner? _respawner;

    private TestDatabase(PostgreSqlContainer? container, string connectionString, string ownerConnectionString, string adminConnectionString)
    {
        _container = container;
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        AdminConnectionString = adminConnectionString;
    }

    /// <summary>As the app's runtime role: what the app under test uses.</summary>
    public string ConnectionString { get; }

    /// <summary>As the role that owns the tables and migrates them.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>As the server's superuser, on this database: for states no role of the app could make.</summary>
    public string AdminConnectionString { get; }

    public string RuntimeRole => new NpgsqlConnectionStringBuilder(ConnectionString).Username!;

    public string OwnerRole => new NpgsqlConnectionStringBuilder(OwnerConnectionString).Username!;

    /// <param name="migrate">False for a test that applies the migrations itself, step by step.</param>
    public static async Task<TestDatabase> CreateAsync(string databaseName, bool migrate = true)
    {
        databaseName += Environment.GetEnvironmentVariable(SuffixVariable) ?? "";
        var (container, serverConnectionString) = await FindServerAsync();
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        var (owner, ownerPassword) = ($"{databaseName}_owner", NewPassword());
        var (runtime, runtimePassword) = ($"{databaseName}_app", NewPassword());
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
            await EnsureRoleAsync(admin, owner, ownerPassword);
            await EnsureRoleAsync(admin, runtime, runtimePassword);
            await ExecuteAsync(admin, $"CREATE DATABASE \"{databaseName}\" OWNER \"{owner}\"");
        }

        builder.Database = databaseName;
        var adminConnection = builder.ConnectionString;
        builder.Pooling = true;
        var database = new TestDatabase(
            container,
            new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = runtime, Password = runtimePassword }.ConnectionString,
            new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = owner, Password = ownerPassword }.ConnectionString,
            adminConnection);
        if (migrate)
        {
            // As the app's own migrator does it: migrations and Hangfire's schema as the owner, then the grants.
            await DatabaseSetup.RunAsOwnerAsync(database.OwnerConnectionString, runtime, migrate: true, seedDemo: false, NullLoggerFactory.Instance);
        }

        return database;
    }

    /// <summary>
    /// A context as the app's runtime role, with no signed-in user: query filters hide every
    /// clinic's rows unless ignored.
    /// </summary>
    public AppDbContext CreateContext(ICurrentUser? user = null) => CreateContext(ConnectionString, user);

    /// <summary>A context as the owner role, e.g. to apply migrations one by one.</summary>
    public AppDbContext CreateOwnerContext() => CreateContext(OwnerConnectionString, null);

    /// <summary>Empties the tables as the owner: the runtime role may not truncate.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The migrations history, the reference data the migrations seed (the muscle catalog),
            // the data-protection keys: the app caches its key ring, so a key deleted under it
            // would be one it keeps using but no other node could read; and the audit trail, which
            // refuses deletes: each test's new clinic starts a chain of its own.
            TablesToIgnore = ["__EFMigrationsHistory", "muscles", "catalog_interventions", "data_protection_keys", "audit_events"],
        });
        await _respawner.ResetAsync(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static AppDbContext CreateContext(string connectionString, ICurrentUser? user)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, connectionString);
        return new AppDbContext(options.Options).ServingUser(user ?? new TestUser(null, null, []));
    }

    /// <summary>
    /// A login role with no attributes, created or given a new password; left over from an earlier
    /// run it held privileges only in the database just dropped.
    /// </summary>
    private static async Task EnsureRoleAsync(NpgsqlConnection admin, string role, string password)
    {
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = @role", admin);
        exists.Parameters.AddWithValue("role", role);
        var verb = (long)(await exists.ExecuteScalarAsync())! == 0 ? "CREATE" : "ALTER";
        await ExecuteAsync(admin,
            $"{verb} ROLE \"{role}\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password}'");
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(PostgreSqlContainer? Container, string ConnectionString)> FindServerAsync()
    {
        var localCluster = Environment.GetEnvironmentVariable(ServerVariable);
        PostgreSqlContainer? container = null;
        try
        {
            container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return (container, container.GetConnectionString());
        }
        catch (DockerUnavailableException) when (!string.IsNullOrWhiteSpace(localCluster))
        {
            return (null, localCluster);
        }
        catch (DockerUnavailableException ex)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: no Docker engine answered and {ServerVariable} is not set. " +
                "Run ./ptclinic.sh test, which starts a private PostgreSQL cluster and sets it.", ex);
        }
        catch (Exception) when (container is not null)
        {
            await container.DisposeAsync();
            throw;
        }
    }
}
