using DotNet.Testcontainers.Builders;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Persistence;
using Respawn;
using Testcontainers.PostgreSql;

namespace PtClinic.Tests.Shared;

/// <summary>
/// One real PostgreSQL database per test project and run: in a throwaway container when a Docker
/// engine answers, otherwise on the private cluster that `./ptclinic.sh test` starts (its admin
/// connection string in PTCLINIC_TEST_POSTGRES). Migrations are applied once; <see cref="ResetAsync"/>
/// empties the public schema (keeping the migrations history) before each test.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PTCLINIC_TEST_POSTGRES";

    /// <summary>Appended to database names, so two test runs can share one server without clobbering.</summary>
    public const string SuffixVariable = "PTCLINIC_TEST_DB_SUFFIX";

    private readonly PostgreSqlContainer? _container;
    private Respawner? _respawner;

    private TestDatabase(PostgreSqlContainer? container, string connectionString)
    {
        _container = container;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <param name="migrate">False for a test that applies the migrations itself, step by step.</param>
    public static async Task<TestDatabase> CreateAsync(string databaseName, bool migrate = true)
    {
        databaseName += Environment.GetEnvironmentVariable(SuffixVariable) ?? "";
        var (container, serverConnectionString) = await FindServerAsync();
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = databaseName;
        builder.Pooling = true;
        var database = new TestDatabase(container, builder.ConnectionString);
        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A context with no signed-in user: query filters hide every clinic's rows unless ignored.</summary>
    public AppDbContext CreateContext(ICurrentUser? user = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, ConnectionString);
        return new AppDbContext(options.Options).ServingUser(user ?? new TestUser(null, null, []));
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The migrations history, the reference data the migrations seed (the muscle catalog),
            // the data-protection keys: the app caches its key ring, so a key deleted under it
            // would be one it keeps using but no other node could read; and the audit trail, which
            // refuses deletes: each test's new clinic starts a chain of its own.
            TablesToIgnore = ["__EFMigrationsHistory", "muscles", "data_protection_keys", "audit_events"],
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
