using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Reasoning;
using PtClinic.Tests.Shared;

namespace PtClinic.IntegrationTests.Infrastructure;

public sealed class ReferralReasonCodesMigrationTests
{
    private const string Before = "20261126030532_StructuredAssessment";

    [Fact]
    public async Task Answers_stored_before_codes_existed_get_the_codes_of_their_sentences()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("ptclinic_migration_reason_codes", migrate: false);
        await using var db = database.CreateOwnerContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before, cancellationToken: ct);
        // Today's sentences for every red flag and for pain that has not improved: the backfill's
        // table must give each the code the domain gives it now.
        var today = ReferralRules.Evaluate(
            Findings.None with { RedFlags = new HashSet<RedFlag>(Enum.GetValues<RedFlag>()) }, [6, 6, 6, 6, 6, 6])!;
        var everyReason = await InsertAnswerAsync(database, [.. today.Reasons.Select(r => r.Text)], ct);
        var unimproved = await InsertAnswerAsync(database, ["pain has not improved by 2 points (NPRS MCID) after 7 visits: 8 → 7", "red flag: fever"], ct);
        var unknown = await InsertAnswerAsync(database, ["red flag: a sentence no version of PtClinic wrote"], ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        (await CodesAsync(database, everyReason, ct)).ShouldBe([.. today.Reasons.Select(r => r.Code)]);
        (await CodesAsync(database, unimproved, ct)).ShouldBe([ReferralRules.NoImprovementCode, "red-flag:fever"]);
        (await CodesAsync(database, unknown, ct)).ShouldBeEmpty();
        await using var connection = await OpenAsync(database, ct);
        await using var column = new NpgsqlCommand(
            "SELECT column_default FROM information_schema.columns WHERE table_name = 'referral_acknowledgements' AND column_name = 'reason_codes'",
            connection);
        (await column.ExecuteScalarAsync(ct)).ShouldBe(DBNull.Value);
        await using var update = new NpgsqlCommand("UPDATE referral_acknowledgements SET note = 'x'", connection);
        (await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync(ct)))
            .SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation, "the table is append-only again");
    }

    /// <summary>
    /// An answer as the previous schema stored it. Only this table matters here, so the rows it
    /// points at are left out: the session skips the foreign-key triggers while inserting it.
    /// </summary>
    private static async Task<Guid> InsertAnswerAsync(TestDatabase database, string[] reasons, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await OpenAsync(database, ct);
        await using var command = new NpgsqlCommand(
            """
            SET session_replication_role = replica;
            INSERT INTO referral_acknowledgements (id, clinic_id, episode_id, visit_id, action, note, reasons, acknowledged_at, acknowledged_by_name, acknowledged_by_user_id)
            VALUES (@id, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Referred', '', @reasons, now(), 'Maya Lindqvist', gen_random_uuid());
            SET session_replication_role = origin;
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("reasons", reasons);
        await command.ExecuteNonQueryAsync(ct);
        return id;
    }

    private static async Task<string[]> CodesAsync(TestDatabase database, Guid id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        await using var command = new NpgsqlCommand("SELECT reason_codes FROM referral_acknowledgements WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string[])(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>As the server's superuser: only it may set session_replication_role.</summary>
    private static async Task<NpgsqlConnection> OpenAsync(TestDatabase database, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
