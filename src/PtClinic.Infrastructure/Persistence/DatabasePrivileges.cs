using Npgsql;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// What the app's runtime role may do in the database, granted in this one place. The migrations
/// run as an owner role that owns every table, trigger and function; the app connects as a role
/// that owns nothing, so it cannot disable a trigger, replace a guard function, truncate a table
/// or set session_replication_role: the triggers that protect signed records hold against it.
/// Run by the migrator, as the owner, after every migration (it is idempotent), so tables added
/// by a later migration are covered the next time it runs.
/// </summary>
public static class DatabasePrivileges
{
    /// <summary>The schemas the app works in: its own and Hangfire's.</summary>
    public static IReadOnlyList<string> Schemas { get; } = ["public", DependencyInjection.HangfireSchema];

    /// <summary>
    /// Records that are only ever added to: the runtime role may insert and read them, never
    /// update or delete them (a trigger refuses it too, for whoever else tries).
    /// </summary>
    public static IReadOnlyList<string> AppendOnlyTables { get; } =
    [
        "note_addenda",
        "cause_decisions",
        "referral_acknowledgements",
        "audit_events",
        "handout_versions",
    ];

    /// <summary>
    /// Tables whose rows are changed but never deleted: plans and notes point at a catalog entry's
    /// code, so an entry is retired instead; an episode's red flag is closed, and stays as history.
    /// </summary>
    public static IReadOnlyList<string> NeverDeletedTables { get; } =
    [
        "clinic_interventions",
        "episode_red_flags",
    ];

    /// <summary>Tables the app only reads: reference data and bookkeeping the migrations write.</summary>
    public static IReadOnlyList<string> ReadOnlyTables { get; } =
    [
        "muscles",
        "catalog_interventions",
        "__EFMigrationsHistory",
        DependencyInjection.HangfireSchema + ".schema",
    ];

    public static async Task ApplyAsync(NpgsqlConnection connection, string runtimeRole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeRole);
        await EnsureLeastPrivilegedAsync(connection, runtimeRole, cancellationToken);

        var role = Quote(runtimeRole);
        var schemas = string.Join(", ", Schemas.Select(Quote));
        List<string> statements =
        [
            // CONNECT and TEMPORARY are PUBLIC's by default: a temporary schema is one where any
            // role could create functions (pg_temp comes first in a search path unless named).
            "DO $$ BEGIN EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()); END $$",
            $"DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), {Literal(runtimeRole)}); END $$",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"REVOKE ALL ON SCHEMA {schemas} FROM {role}",
            $"GRANT USAGE ON SCHEMA {schemas} TO {role}",
            $"REVOKE ALL ON ALL TABLES IN SCHEMA {schemas} FROM {role}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schemas} FROM {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schemas} TO {role}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schemas} TO {role}",
        ];
        statements.AddRange(AppendOnlyTables.Select(table => $"REVOKE UPDATE, DELETE ON {QualifiedName(table)} FROM {role}"));
        statements.AddRange(ReadOnlyTables.Select(table => $"REVOKE INSERT, UPDATE, DELETE ON {QualifiedName(table)} FROM {role}"));
        statements.AddRange(NeverDeletedTables.Select(table => $"REVOKE DELETE, TRUNCATE ON {QualifiedName(table)} FROM {role}"));

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Why the connection's role is not fit to run the app: a superuser, or a role that owns (or
    /// is a member of the owner of) the app's tables can lift every guard. Null when it is fit.
    /// </summary>
    public static async Task<string?> RuntimeRoleProblemAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            """
            SELECT current_user,
                   r.rolsuper,
                   EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = ANY(@schemas) AND pg_has_role(current_user, c.relowner, 'MEMBER'))
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        command.Parameters.AddWithValue("schemas", Schemas.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var user = reader.GetString(0);
        if (reader.GetBoolean(1))
        {
            return $"The app is connected to PostgreSQL as {user}, a superuser";
        }

        return reader.GetBoolean(2)
            ? $"The app is connected to PostgreSQL as {user}, which owns (or is a member of the owner of) the app's tables"
            : null;
    }

    /// <summary>Grants to a role that could lift the guards would protect nothing: refuse them.</summary>
    private static async Task EnsureLeastPrivilegedAsync(NpgsqlConnection connection, string runtimeRole, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls,
                   pg_has_role(r.oid, current_user, 'MEMBER')
            FROM pg_roles r WHERE r.rolname = @role
            """, connection);
        command.Parameters.AddWithValue("role", runtimeRole);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The app's database role {runtimeRole} does not exist; create it first (see deploy/README.md).");
        }

        if (reader.GetBoolean(0))
        {
            throw new InvalidOperationException(
                $"The app's database role {runtimeRole} has a SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS attribute; it must have none.");
        }

        if (reader.GetBoolean(1))
        {
            throw new InvalidOperationException(
                $"The app's database role {runtimeRole} is the owner role, or a member of it; the app must connect as a role of its own.");
        }
    }

    private static string QualifiedName(string table) =>
        table.Split('.') is [var schema, var name] ? $"{Quote(schema)}.{Quote(name)}" : $"public.{Quote(table)}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
