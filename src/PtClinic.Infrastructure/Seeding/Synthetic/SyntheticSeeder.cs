using System.Diagnostics;
using System.Threading.Channels;
using Bogus;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>What a run wrote: the clinics, rows by table, and how long it took.</summary>
public sealed record SeedReport(IReadOnlyList<ClinicTarget> Clinics, SeedCounts Counts, TimeSpan Elapsed, DateTimeOffset Now);

/// <summary>
/// Seeds synthetic clinics into a migrated database, as the tables' owner (the connection the
/// migrator uses): clinics and their therapists (sign-in accounts without a password, since a staff
/// member is an account), then patients and episodes in batches, each generated while the one
/// before is being copied in. One transaction: a run is all there or not at all.
/// </summary>
public static class SyntheticSeeder
{
    private const string TimeZone = "Europe/London";

    public static async Task<SeedReport> RunAsync(string ownerConnectionString, SeedOptions options, TextWriter? log, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        return await RunAsync(connection, JsonColumns.AppModel(ownerConnectionString), options, log, ct);
    }

    /// <summary>The same on an open connection of the tables' owner, with the app's EF model (the demo seeder's own).</summary>
    public static async Task<SeedReport> RunAsync(NpgsqlConnection connection, IModel appModel, SeedOptions options, TextWriter? log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var now = options switch
        {
            // The history ends as the demo's today begins: every visit before it, the day itself left to the demo seeder.
            { DemoHistory: not null, Today: { } day } => EpisodeSimulator.ClinicCalendar.StartOf(day).AddMilliseconds(-1),
            { DemoHistory: not null } => throw new ArgumentException("The demo clinic's history needs the demo's today.", nameof(options)),
            { Today: { } day } => EpisodeSimulator.ClinicCalendar.ToInstant(day, new TimeOnly(12, 0)),
            _ => DateTimeOffset.UtcNow,
        };
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var json = new JsonColumns(appModel);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var counts = new SeedCounts();
        var writer = new CopyWriter(connection, counts);
        // Foreign keys are checked at each COPY's end; a bigger sort memory helps them and ANALYZE.
        await writer.ExecuteAsync("SET LOCAL work_mem = '64MB'", ct);

        var clinics = options.DemoHistory is { } history
            ? [await DemoHistoryClinicAsync(connection, history, ct)]
            : await ClinicsAsync(connection, writer, options, now, counts, ct);
        var mrns = await ReserveMrnsAsync(connection, options.Episodes, ct);
        var simulator = new EpisodeSimulator(
            options.Seed, clinics, json, now, options.Months, () => $"P{mrns++:D6}",
            bookAhead: options.DemoHistory is null, reservedNames: options.DemoHistory?.ReservedNames);
        log?.WriteLine($"Seeding {options.Episodes:N0} episodes into {clinics.Count} clinics (seed {options.Seed}, {options.Months} months to {EpisodeSimulator.ClinicCalendar.DateOf(now):yyyy-MM-dd})");

        // Generation on one core, COPY (PostgreSQL's work) on the other: one batch ahead at most.
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var generating = TimeSpan.Zero;
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var done = 0; done < options.Episodes; done += options.BatchEpisodes)
                {
                    var at = Stopwatch.GetTimestamp();
                    var next = simulator.Next(Math.Min(options.BatchEpisodes, options.Episodes - done));
                    generating += Stopwatch.GetElapsedTime(at);
                    await channel.Writer.WriteAsync(next, ct);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);

        var episodes = 0;
        await foreach (var batch in channel.Reader.ReadAllAsync(ct))
        {
            await writer.WriteAsync(batch, ct);
            episodes += batch.Episodes.Count;
            log?.WriteLine($"  {episodes,9:N0} episodes, {counts["visits"],10:N0} visits  ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
        }

        await producer;
        await transaction.CommitAsync(ct);
        // Statistics for the planner, as a settled database has, before the outcome rows are derived from these
        // tables (without them the derivation's plan matched sites across the clinic: minutes instead of seconds).
        // The demo's few thousand rows are left to autovacuum.
        if (options.DemoHistory is null)
        {
            foreach (var (table, _) in counts.All)
            {
                await writer.ExecuteAsync($"ANALYZE {table}", ct);
            }
        }

        // The rows above are written by COPY, which raises none of the events that keep episode_outcomes and
        // their month totals current: each clinic's are derived now by the rebuild the nightly check runs.
        foreach (var clinic in clinics)
        {
            var deriving = Stopwatch.GetTimestamp();
            var derived = await RebuildOutcomesAsync(connection, clinic.Id, ct);
            log?.WriteLine($"  episode outcomes of {clinic.Name}: {derived} rows derived in {Stopwatch.GetElapsedTime(deriving).TotalSeconds:0.0} s");
        }

        if (options.DemoHistory is null)
        {
            await writer.ExecuteAsync("ANALYZE episode_outcomes", ct);
            await writer.ExecuteAsync("ANALYZE episode_outcome_months", ct);
        }

        log?.WriteLine($"  generating took {generating.TotalSeconds:0.0} s of it, beside the copying; copying by table (s): {writer.Timings()}");

        return new SeedReport(clinics, counts, Stopwatch.GetElapsedTime(started), now);
    }

    /// <summary>
    /// The nightly check's rebuild of one clinic's outcome rows and month totals, on this connection,
    /// as the clinic's system actor (the month totals are worked out by the dashboard's own figures).
    /// </summary>
    private static async Task<int> RebuildOutcomesAsync(NpgsqlConnection connection, Guid clinicId, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PtClinic.Infrastructure.DependencyInjection.ConfigureDbContext(options, connection);
        await using var db = new AppDbContext(options.Options);
        db.ServingUser(new ClaimsCurrentUser(new HttpContextAccessor()) { Principal = ClaimsCurrentUser.SystemOf(clinicId) });
        return await new EpisodeOutcomes(db, TimeProvider.System).RebuildClinicAsync(ct);
    }

    /// <summary>The clinics: the demo one (if asked and there) with its second therapist and two more, then new ones with four to seven each.</summary>
    private static async Task<IReadOnlyList<ClinicTarget>> ClinicsAsync(
        NpgsqlConnection connection, CopyWriter writer, SeedOptions options, DateTimeOffset now, SeedCounts counts, CancellationToken ct)
    {
        var chance = new Chance(options.Seed ^ 0x5eed);
        var names = new Faker("en_GB") { Random = new Randomizer(options.Seed) };
        var clinics = new List<ClinicTarget>();
        var users = new List<UserRow>();
        var staff = new List<StaffRow>();
        var credentials = new List<CredentialRow>();
        var joined = now.AddYears(-3);

        Therapist NewTherapist(Guid clinicId, int clinicNumber, int n)
        {
            var id = chance.Id(joined.AddDays(n));
            var fullName = $"{names.Name.FirstName()} {names.Name.LastName()}";
            var email = $"therapist{n}.clinic{clinicNumber}.seed{options.Seed}@synthetic.ptclinic.org";
            users.Add(new UserRow(id, clinicId, fullName, email, chance.Hex(16), chance.Id(joined)));
            staff.Add(new StaffRow(id, clinicId, fullName, email, StaffRoles.Therapist, "Physiotherapist", $"HCPC PH{chance.Int(100000, 199999)}", joined.AddDays(chance.Int(0, 700))));
            var needles = chance.Percent(55);
            if (needles)
            {
                var issued = DateOnly.FromDateTime(joined.UtcDateTime).AddDays(chance.Int(0, 300));
                credentials.Add(new CredentialRow(chance.Id(joined), clinicId, id, CredentialKind.DryNeedlingCertification, "Dry Needling Institute",
                    $"DN-{chance.Int(10000, 99999)}", issued, issued.AddYears(5), joined));
            }

            return new Therapist(id, clinicId, fullName, needles, chance.Normal(0, 0.07), chance.LogNormal(1, 0.35));
        }

        var newClinics = new List<(Guid Id, string Name)>();
        var number = 0;
        if (options.IncludeDemoClinic && await DemoClinicExistsAsync(connection, ct))
        {
            number++;
            var demo = await DemoTherapistsAsync(connection, ct);
            var therapists = demo.Select(d => d with { Effect = chance.Normal(0, 0.07) }).ToList();
            therapists.Add(NewTherapist(DemoClinic.Id, number, 1));
            therapists.Add(NewTherapist(DemoClinic.Id, number, 2));
            clinics.Add(new ClinicTarget(DemoClinic.Id, DemoClinic.Name, IsDemo: true, therapists, 1.0));
        }

        while (clinics.Count < options.Clinics)
        {
            number++;
            var id = chance.Id(joined.AddDays(-number));
            var name = $"Synthetic clinic {number} (seed {options.Seed})";
            newClinics.Add((id, name));
            var therapists = Enumerable.Range(1, chance.Int(4, 7)).Select(n => NewTherapist(id, number, n)).ToList();
            clinics.Add(new ClinicTarget(id, name, IsDemo: false, therapists, 0.6 + 0.6 * chance.Double()));
        }

        // The same seed twice into one database would write the same ids twice.
        await using (var seen = new NpgsqlCommand("SELECT count(*) FROM users WHERE id = ANY(@ids)", connection))
        {
            seen.Parameters.AddWithValue("ids", users.Select(u => u.Id).ToArray());
            if ((long)(await seen.ExecuteScalarAsync(ct))! > 0)
            {
                throw new InvalidOperationException($"This database already holds the data of seed {options.Seed}; pick another --seed.");
            }
        }

        foreach (var (id, name) in newClinics)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO clinics (id, name, time_zone, created_at) VALUES (@id, @name, @zone, @at)", connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("zone", TimeZone);
            insert.Parameters.AddWithValue("at", joined);
            await insert.ExecuteNonQueryAsync(ct);
        }

        counts.Add("clinics", newClinics.Count);
        await CopyStaffAsync(connection, users, staff, credentials, counts, ct);
        return clinics;
    }

    /// <summary>The demo clinic with the therapists the history names, by email; each must be there.</summary>
    private static async Task<ClinicTarget> DemoHistoryClinicAsync(NpgsqlConnection connection, DemoHistory history, CancellationToken ct)
    {
        var staff = (await DemoStaffAsync(connection, ct)).ToDictionary(t => t.Email, StringComparer.OrdinalIgnoreCase);
        var therapists = history.Therapists.Select(t => staff.TryGetValue(t.Email, out var s)
                ? s.Therapist with { Effect = t.Effect, Weight = t.Weight, Tends = t.Tends with { Since = s.Therapist.Tends.Since, NeedlesUntil = s.Therapist.Tends.NeedlesUntil } }
                : throw new InvalidOperationException($"The demo clinic has no therapist {t.Email} for its history."))
            .ToList();
        return new ClinicTarget(DemoClinic.Id, DemoClinic.Name, IsDemo: true, therapists, 1.0);
    }

    /// <summary>
    /// The demo clinic's active therapists but the demo therapist (Maya Lindqvist). Her day is the
    /// demo's: the demo seeder books it afresh each day unless she already has visits that day, so
    /// synthetic visits of hers would keep it from being booked.
    /// </summary>
    private static async Task<List<Therapist>> DemoTherapistsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        [.. (await DemoStaffAsync(connection, ct))
            .Where(t => !t.Email.Equals(DemoClinic.Therapist.Email, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Therapist)];

    /// <summary>
    /// The demo clinic's active therapists, each from the day they joined, needling while their
    /// dry-needling certificate lasts (Jonas Berg's ran out; the newest therapist holds none).
    /// </summary>
    private static async Task<List<(string Email, Therapist Therapist)>> DemoStaffAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT s.email, s.id, s.full_name, s.joined_at,
                   bool_or(c.id IS NOT NULL) AS needles, max(c.expires_on) AS needles_until
            FROM staff_members s
            LEFT JOIN staff_credentials c ON c.staff_member_id = s.id AND c.kind = @needling
            WHERE s.clinic_id = @clinic AND s.role = @role AND s.deactivated_at IS NULL
            GROUP BY s.id
            ORDER BY s.full_name
            """, connection);
        command.Parameters.AddWithValue("clinic", DemoClinic.Id);
        command.Parameters.AddWithValue("role", StaffRoles.Therapist);
        command.Parameters.AddWithValue("needling", nameof(CredentialKind.DryNeedlingCertification));
        var therapists = new List<(string, Therapist)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var joined = EpisodeSimulator.ClinicCalendar.DateOf(reader.GetFieldValue<DateTimeOffset>(3));
            var tends = new Tendencies { Since = joined, NeedlesUntil = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5) };
            therapists.Add((reader.GetString(0), new Therapist(reader.GetGuid(1), DemoClinic.Id, reader.GetString(2), reader.GetBoolean(4), 0, 1.2) { Tends = tends }));
        }

        return therapists;
    }

    private static async Task<bool> DemoClinicExistsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM clinics WHERE id = @clinic", connection);
        command.Parameters.AddWithValue("clinic", DemoClinic.Id);
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>A block of the app's MRN sequence, so patients the app registers later never collide with these.</summary>
    private static async Task<long> ReserveMrnsAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT nextval('patient_mrn_seq'), setval('patient_mrn_seq', currval('patient_mrn_seq') + @count)", connection);
        command.Parameters.AddWithValue("count", (long)count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    private static async Task CopyStaffAsync(
        NpgsqlConnection connection, List<UserRow> users, List<StaffRow> staff, List<CredentialRow> credentials, SeedCounts counts, CancellationToken ct)
    {
        string[] userColumns = ["id", "clinic_id", "full_name", "user_name", "normalized_user_name", "email", "normalized_email", "email_confirmed", "security_stamp",
            "concurrency_stamp", "phone_number_confirmed", "two_factor_enabled", "lockout_enabled", "access_failed_count"];
        await CopyWriter.EnsureColumnsCoveredAsync(connection, "users", userColumns, ct);
        await using (var w = await connection.BeginBinaryImportAsync($"COPY users ({string.Join(", ", userColumns)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var u in users)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(u.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(u.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(u.FullName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(u.Email, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(u.Email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(u.Email, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(u.Email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(u.SecurityStamp, NpgsqlDbType.Text, ct);
                await w.WriteAsync(u.ConcurrencyStamp.ToString(), NpgsqlDbType.Text, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }

            await w.CompleteAsync(ct);
        }

        string[] staffColumns = ["id", "clinic_id", "full_name", "email", "role", "professional_title", "licence_number", "joined_at"];
        await CopyWriter.EnsureColumnsCoveredAsync(connection, "staff_members", staffColumns, ct);
        await using (var w = await connection.BeginBinaryImportAsync($"COPY staff_members ({string.Join(", ", staffColumns)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in staff)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.FullName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Email, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Role, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Title, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Licence!, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.JoinedAt, NpgsqlDbType.TimestampTz, ct);
            }

            await w.CompleteAsync(ct);
        }

        string[] credentialColumns = ["id", "clinic_id", "staff_member_id", "kind", "issuer", "number", "issued_on", "expires_on", "added_at"];
        await CopyWriter.EnsureColumnsCoveredAsync(connection, "staff_credentials", credentialColumns, ct);
        await using (var w = await connection.BeginBinaryImportAsync($"COPY staff_credentials ({string.Join(", ", credentialColumns)}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in credentials)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.StaffId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.Issuer, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.Number, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.IssuedOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(c.ExpiresOn!.Value, NpgsqlDbType.Date, ct);
                await w.WriteAsync(c.AddedAt, NpgsqlDbType.TimestampTz, ct);
            }

            await w.CompleteAsync(ct);
        }

        counts.Add("users", users.Count);
        counts.Add("staff_members", staff.Count);
        counts.Add("staff_credentials", credentials.Count);
    }
}
