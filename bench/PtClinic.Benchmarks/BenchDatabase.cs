using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Patients;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding.Synthetic;
using PtClinic.Web;

namespace PtClinic.Benchmarks;

/// <summary>
/// One benchmark database: created fresh, migrated with the app's own migrations, five clinics, and
/// patients bulk-loaded with binary COPY. Holds the app's service graph over it (built exactly as the
/// integration tests build it) and a plain Npgsql data source for the floors. Both connect as the
/// app's runtime role (<c>&lt;db&gt;_app</c>), as the app would; migrating and bulk-loading is done as
/// the owner role (<c>&lt;db&gt;_owner</c>), as the migrator would.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const int ClinicCount = 5;
    private const int Seed = 20261126;

    private readonly string _serverConnectionString;
    private readonly bool _keep;

    private BenchDatabase(
        string serverConnectionString, string name, string connectionString, string ownerConnectionString, int patientsPerClinic, bool keep)
    {
        _serverConnectionString = serverConnectionString;
        _keep = keep;
        Name = name;
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        PatientsPerClinic = patientsPerClinic;
        Services = BuildServices(connectionString);
        // The floor talks to PostgreSQL the way the app does: same connection settings, statements prepared.
        Raw = NpgsqlDataSource.Create(PtClinic.Infrastructure.DependencyInjection.WithPreparedStatements(connectionString));
    }

    public string Name { get; }

    /// <summary>As the app's runtime role.</summary>
    public string ConnectionString { get; }

    /// <summary>As the role that owns the tables: migrations and the bulk load.</summary>
    public string OwnerConnectionString { get; }

    public int PatientsPerClinic { get; }

    public int PatientCount => ClinicCount * PatientsPerClinic;

    /// <summary>The app's services: <c>AddPtClinicCore</c>, as the web app and the integration tests compose them.</summary>
    public ServiceProvider Services { get; }

    /// <summary>Plain Npgsql, same connection string (so the same pool settings) as EF Core uses.</summary>
    public NpgsqlDataSource Raw { get; }

    public IReadOnlyList<Guid> ClinicIds { get; private set; } = [];

    public TimeSpan SeedTime { get; private set; }

    public bool Reused { get; private set; }

    public static Task<BenchDatabase> PrepareAsync(BenchOptions options, int patientsPerClinic, CancellationToken ct) =>
        PrepareAsync(
            options,
            $"{options.DatabasePrefix}_{ClinicCount * patientsPerClinic / 1000}k",
            patientsPerClinic,
            (connectionString, token) => IsCompleteSeedAsync(connectionString, patientsPerClinic, token),
            (database, reuse, token) => database.SeedAsync(reuse, token),
            ct);

    /// <summary>
    /// A database for the outcomes dashboard: migrated, then filled by the synthetic-data generator
    /// (<c>./ptclinic.sh seed</c>, <see cref="SyntheticSeeder"/>) as the owner, outcome rows derived
    /// by the nightly check's statement; no bench clinics, no patients of the search rows.
    /// </summary>
    public static Task<BenchDatabase> PrepareSyntheticAsync(BenchOptions options, SeedOptions seed, CancellationToken ct) =>
        PrepareAsync(
            options,
            $"{options.DatabasePrefix}_outcomes_{seed.Episodes / 1000}k",
            patientsPerClinic: 0,
            (connectionString, token) => IsCompleteSyntheticSeedAsync(connectionString, seed, token),
            (database, reuse, token) => database.SeedSyntheticAsync(seed, reuse, token),
            ct);

    private static async Task<BenchDatabase> PrepareAsync(
        BenchOptions options,
        string name,
        int patientsPerClinic,
        Func<string, CancellationToken, Task<bool>> isComplete,
        Func<BenchDatabase, bool, CancellationToken, Task> seed,
        CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ServerConnectionString) { Database = name, Pooling = true };
        var reuse = options.Reuse
            && await DatabaseExistsAsync(options.ServerConnectionString, name, ct)
            && await isComplete(builder.ConnectionString, ct);
        var (owner, runtime) = await EnsureRolesAsync(options.ServerConnectionString, name, ct);
        if (!reuse)
        {
            await RecreateDatabaseAsync(options.ServerConnectionString, name, owner.Username!, ct);
        }

        var database = new BenchDatabase(
            options.ServerConnectionString, name, Login(builder, runtime), Login(builder, owner), patientsPerClinic, options.Reuse);
        try
        {
            await seed(database, reuse, ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Raw.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            await using var admin = await OpenAdminAsync(_serverConnectionString, CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static ServiceProvider BuildServices(string connectionString)
    {
        // As tests/PtClinic.IntegrationTests/AppFixture.cs: the same composition method as the web app,
        // no job server, logs at Warning (the pipeline's Information lines are skipped, as the EF Core
        // ones are in production). Scope validation is off, as in a production host.
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPtClinicCore(new InfrastructureOptions(connectionString, RunJobServer: false));
        return services.BuildServiceProvider();
    }

    private async Task SeedAsync(bool reuse, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await DatabaseSetup.RunAsOwnerAsync(
            OwnerConnectionString, new NpgsqlConnectionStringBuilder(ConnectionString).Username!, migrate: true, seedDemo: false,
            Services.GetRequiredService<ILoggerFactory>(), ct);

        if (reuse)
        {
            Reused = true;
            ClinicIds = await ReadClinicIdsAsync(ct);
            return;
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            // No signed-in user: seeding names each clinic explicitly, as the demo seeder does.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= ClinicCount; i++)
            {
                db.Clinics.Add(Clinic.Open(Guid.CreateVersion7(now), $"Bench clinic {i}", "Europe/London", now));
            }

            await db.SaveChangesAsync(ct);
        }

        ClinicIds = await ReadClinicIdsAsync(ct);
        await CopyPatientsAsync(ct);
        SeedTime = Stopwatch.GetElapsedTime(started);
    }

    private async Task SeedSyntheticAsync(SeedOptions seed, bool reuse, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await DatabaseSetup.RunAsOwnerAsync(
            OwnerConnectionString, new NpgsqlConnectionStringBuilder(ConnectionString).Username!, migrate: true, seedDemo: false,
            Services.GetRequiredService<ILoggerFactory>(), ct);
        if (!reuse)
        {
            SeedReport = await SyntheticSeeder.RunAsync(OwnerConnectionString, seed, log: null, ct);
            await using var connection = new NpgsqlConnection(OwnerConnectionString);
            await connection.OpenAsync(ct);
            // Settled, as in production: statistics, hint bits and the visibility map (index-only scans).
            await ExecuteAsync(connection, "VACUUM (ANALYZE)", ct);
            SeedTime = Stopwatch.GetElapsedTime(started);
        }

        Reused = reuse;
    }

    /// <summary>What the generator wrote, when this run seeded (null when it reused an earlier run's).</summary>
    public SeedReport? SeedReport { get; private set; }

    /// <summary>A database left by an earlier --reuse run with every episode the same options write.</summary>
    private static async Task<bool> IsCompleteSyntheticSeedAsync(string connectionString, SeedOptions seed, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM clinics WHERE name LIKE $1), (SELECT count(*) FROM episodes), (SELECT count(*) FROM episode_outcomes)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"Synthetic clinic % (seed {seed.Seed})" });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return reader.GetInt64(0) == seed.Clinics && reader.GetInt64(1) == seed.Episodes && reader.GetInt64(2) == seed.Episodes;
        }
        catch (PostgresException)
        {
            return false; // not even the tables: an empty or foreign database
        }
    }

    /// <summary>A database left by an earlier --reuse run, with all its seeded patients (note-save adds a few of its own).</summary>
    private static async Task<bool> IsCompleteSeedAsync(string connectionString, int patientsPerClinic, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM clinics WHERE name LIKE 'Bench clinic %'), (SELECT count(*) FROM patients WHERE mrn <= $1)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = PatientGenerator.Mrn(patientsPerClinic) });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return reader.GetInt64(0) == ClinicCount && reader.GetInt64(1) == (long)ClinicCount * patientsPerClinic;
        }
        catch (PostgresException)
        {
            return false; // not even the tables: an empty or foreign database
        }
    }

    private async Task<IReadOnlyList<Guid>> ReadClinicIdsAsync(CancellationToken ct)
    {
        await using var command = Raw.CreateCommand("SELECT id FROM clinics WHERE name LIKE 'Bench clinic %' ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids.Count == ClinicCount ? ids : throw new BenchFailure($"{Name}: expected {ClinicCount} bench clinics, found {ids.Count}.");
    }

    /// <summary>
    /// Binary COPY into the table the migrations made, column names read from the EF model. The
    /// generated search_text and the system column xmin are PostgreSQL's to fill. Secondary indexes are
    /// dropped for the load and rebuilt from their own definitions afterwards (the usual bulk-load
    /// practice: building a GIN index once is far cheaper than growing it row by row).
    /// </summary>
    private async Task CopyPatientsAsync(CancellationToken ct)
    {
        string[] columns;
        string table;
        await using (var scope = Services.CreateAsyncScope())
        {
            var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
            var entity = model.FindEntityType(typeof(Patient)) ?? throw new BenchFailure("Patient is not in the EF model.");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(string property) =>
                entity.FindProperty(property)?.GetColumnName(store) ?? throw new BenchFailure($"Patient.{property} is not mapped.");
            table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{store.Name}\"" : $"\"{store.Name}\"";
            columns =
            [
                Column(nameof(Patient.Id)), Column(nameof(Patient.ClinicId)), Column(nameof(Patient.Mrn)),
                Column(nameof(Patient.GivenName)), Column(nameof(Patient.FamilyName)), Column(nameof(Patient.DateOfBirth)),
                Column(nameof(Patient.Sex)), Column(nameof(Patient.Phone)), Column(nameof(Patient.Email)),
                Column(nameof(Patient.RegisteredAt)),
            ];
        }

        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync(ct);
        await EnsureColumnsCoveredAsync(connection, table, columns, "CopyPatientsAsync in bench/PtClinic.Benchmarks/BenchDatabase.cs", ct);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'", ct);

        await WithoutSecondaryIndexesAsync(connection, table, async () =>
        {
            var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
            await using (var writer = await connection.BeginBinaryImportAsync(copy, ct))
            {
                for (var c = 0; c < ClinicCount; c++)
                {
                    // One generator per clinic, so clinic 1 of the 50k and of the 500k set start alike.
                    var generator = new PatientGenerator(Seed + c, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
                    for (var n = 1; n <= PatientsPerClinic; n++)
                    {
                        var p = generator.Next(n);
                        await writer.StartRowAsync(ct);
                        await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                        await writer.WriteAsync(ClinicIds[c], NpgsqlDbType.Uuid, ct);
                        await writer.WriteAsync(p.Mrn, NpgsqlDbType.Varchar, ct);
                        await writer.WriteAsync(p.GivenName, NpgsqlDbType.Varchar, ct);
                        await writer.WriteAsync(p.FamilyName, NpgsqlDbType.Varchar, ct);
                        await writer.WriteAsync(p.DateOfBirth, NpgsqlDbType.Date, ct);
                        await writer.WriteAsync(p.Sex.ToString(), NpgsqlDbType.Varchar, ct);
                        await WriteNullableAsync(writer, p.Phone, ct);
                        await WriteNullableAsync(writer, p.Email, ct);
                        await writer.WriteAsync(p.RegisteredAt, NpgsqlDbType.TimestampTz, ct);
                    }
                }

                await writer.CompleteAsync(ct);
            }
        }, ct);

        // A settled table, as in production: statistics for the planner, hint bits and visibility map set.
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}", ct);
        await ExecuteAsync(connection, "ANALYZE", ct);
    }

    /// <summary>
    /// Runs a bulk load into <paramref name="table"/> with its secondary indexes dropped, then
    /// rebuilds them from their own definitions (the usual bulk-load practice: building an index once
    /// is far cheaper than growing it row by row). Indexes behind constraints stay.
    /// </summary>
    internal static async Task WithoutSecondaryIndexesAsync(NpgsqlConnection connection, string table, Func<Task> load, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = @table::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (index, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {index}", ct);
        }

        await load();
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition, ct);
        }
    }

    /// <summary>A NOT NULL column without a default that the COPY leaves out would fail it: say so plainly.</summary>
    internal static async Task EnsureColumnsCoveredAsync(NpgsqlConnection connection, string table, string[] columns, string loader, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname
            FROM pg_attribute a
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attnotnull AND d.adbin IS NULL AND a.attgenerated = ''
            """, connection);
        command.Parameters.AddWithValue("table", table);
        var missing = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!columns.Contains(reader.GetString(0)))
            {
                missing.Add(reader.GetString(0));
            }
        }

        if (missing.Count > 0)
        {
            throw new BenchFailure(
                $"The {table} table has required columns the bench does not fill: {string.Join(", ", missing)}. " +
                $"Add them to {loader}.");
        }
    }

    internal static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string serverConnectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<bool> DatabaseExistsAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        await using var admin = await OpenAdminAsync(serverConnectionString, ct);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task RecreateDatabaseAsync(string serverConnectionString, string name, string owner, CancellationToken ct)
    {
        await using var admin = await OpenAdminAsync(serverConnectionString, ct);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" OWNER \"{owner}\"", ct);
    }

    /// <summary>
    /// The database's owner and runtime roles (cluster-wide, so named after it), created or given
    /// a new password: login roles with no attributes, as deploy/README.md sets them up.
    /// </summary>
    private static async Task<(NpgsqlConnectionStringBuilder Owner, NpgsqlConnectionStringBuilder Runtime)> EnsureRolesAsync(
        string serverConnectionString, string name, CancellationToken ct)
    {
        await using var admin = await OpenAdminAsync(serverConnectionString, ct);
        var logins = new List<NpgsqlConnectionStringBuilder>();
        foreach (var role in new[] { $"{name}_owner", $"{name}_app" })
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = @role", admin);
            exists.Parameters.AddWithValue("role", role);
            var verb = (long)(await exists.ExecuteScalarAsync(ct))! == 0 ? "CREATE" : "ALTER";
            await ExecuteAsync(admin,
                $"{verb} ROLE \"{role}\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password}'", ct);
            logins.Add(new NpgsqlConnectionStringBuilder { Username = role, Password = password });
        }

        return (logins[0], logins[1]);
    }

    private static string Login(NpgsqlConnectionStringBuilder server, NpgsqlConnectionStringBuilder login) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = login.Username, Password = login.Password }.ConnectionString;
}
