using Npgsql;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Persistence;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Infrastructure;

/// <summary>
/// Someone holding the app's database credentials, writing SQL of their own: what the runtime role
/// can and cannot do to signed records. Every refusal is PostgreSQL's own, a missing privilege
/// (42501) or a guard trigger (23000).
/// </summary>
public sealed class LeastPrivilegeTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly KnotInput TenderKnot = new(7, 2.5m, 12, IsActive: true, LocalTwitchResponse: true, [ReferredPainArea.LowerLeg]);

    public static TheoryData<string> AppendOnlyTables => [.. DatabasePrivileges.AppendOnlyTables];

    public static TheoryData<string> ReadOnlyTables => [.. DatabasePrivileges.ReadOnlyTables];

    [Fact]
    public async Task The_runtime_role_owns_nothing_and_holds_no_power_over_the_server()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)
                 + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
                 + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
                 + (SELECT count(*) FROM pg_type WHERE typowner = r.oid),
                   r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolreplication OR r.rolbypassrls,
                   pg_has_role(r.oid, @owner, 'MEMBER'),
                   has_database_privilege(r.oid, current_database(), 'TEMPORARY') OR has_database_privilege(r.oid, current_database(), 'CREATE'),
                   has_schema_privilege(r.oid, 'public', 'CREATE') OR has_schema_privilege(r.oid, 'hangfire', 'CREATE'),
                   (SELECT count(*) FROM information_schema.table_privileges
                    WHERE grantee IN (r.rolname, 'PUBLIC') AND privilege_type IN ('TRUNCATE', 'REFERENCES', 'TRIGGER'))
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        command.Parameters.AddWithValue("owner", App.Database.OwnerRole);
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
            reader.GetInt64(0).ShouldBe(0, "objects owned");
            reader.GetBoolean(1).ShouldBeFalse("superuser, createdb, createrole, replication or bypassrls");
            reader.GetBoolean(2).ShouldBeFalse("member of the owner role");
            reader.GetBoolean(3).ShouldBeFalse("temporary tables or schemas in the database");
            reader.GetBoolean(4).ShouldBeFalse("objects in the app's schemas");
            reader.GetInt64(5).ShouldBe(0, "TRUNCATE, REFERENCES or TRIGGER on a table");
        }

        (await DatabasePrivileges.RuntimeRoleProblemAsync(connection, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(AppendOnlyTables))]
    public async Task An_append_only_table_takes_no_update_delete_or_truncate(string table)
    {
        var column = await FirstColumnAsync(table);

        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"UPDATE {table} SET {column} = {column}");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"DELETE FROM {table}");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"TRUNCATE {table}");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"ALTER TABLE {table} DISABLE TRIGGER ALL");
    }

    [Theory]
    [MemberData(nameof(ReadOnlyTables))]
    public async Task Reference_data_is_read_only_for_the_app(string table)
    {
        var name = string.Join('.', table.Split('.').Select(part => $"\"{part}\""));
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"INSERT INTO {name} DEFAULT VALUES");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"DELETE FROM {name}");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"TRUNCATE {name}");
    }

    [Fact]
    public async Task A_signed_note_its_addendum_and_its_frozen_assessment_with_knots_and_scores_stay_as_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await SignedVisitWithAssessmentAsync(clinic);
        (await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(visitId, "Pain 6/10 after running"))).Ok();
        const string OfTheAssessment = "assessment_id = (SELECT id FROM visit_assessments WHERE visit_id = @visit)";
        const string OfTheNote = "note_id = (SELECT id FROM visit_notes WHERE visit_id = @visit)";

        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, "UPDATE visit_notes SET subjective = 'rewritten' WHERE visit_id = @visit", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, "DELETE FROM visit_notes WHERE visit_id = @visit", visitId);
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"UPDATE note_addenda SET text = 'rewritten' WHERE {OfTheNote}", visitId);
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"DELETE FROM note_addenda WHERE {OfTheNote}", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, "UPDATE visit_assessments SET findings = '{}' WHERE visit_id = @visit", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, "DELETE FROM visit_assessments WHERE visit_id = @visit", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, $"UPDATE knot_findings SET tenderness = 1 WHERE {OfTheAssessment}", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, $"DELETE FROM knot_findings WHERE {OfTheAssessment}", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, $"UPDATE recorded_outcomes SET score = 0 WHERE {OfTheAssessment}", visitId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, $"DELETE FROM recorded_outcomes WHERE {OfTheAssessment}", visitId);
        foreach (var table in new[] { "visit_notes", "note_addenda", "visit_assessments", "knot_findings", "recorded_outcomes" })
        {
            await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"TRUNCATE {table} CASCADE");
            await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, $"ALTER TABLE {table} DISABLE TRIGGER ALL");
        }

        var note = await clinic.NoteAsync(visitId);
        note.Subjective.ShouldBe("Tight behind the left knee");
        note.Addenda.Single().Text.ShouldBe("Pain 6/10 after running");
    }

    [Fact]
    public async Task The_triggers_cannot_be_switched_off_for_a_session()
    {
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "SET session_replication_role = replica");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "ALTER ROLE CURRENT_USER SET session_replication_role = replica");
    }

    [Fact]
    public async Task No_guard_function_can_be_replaced_and_no_function_created_anywhere()
    {
        string[] guards;
        await using (var connection = await OpenAsync())
        await using (var command = new NpgsqlCommand(
            "SELECT proname FROM pg_proc WHERE prorettype = 'trigger'::regtype AND pronamespace = 'public'::regnamespace ORDER BY proname",
            connection))
        {
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var names = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                names.Add(reader.GetString(0));
            }

            guards = [.. names];
        }

        guards.ShouldContain("refuse_change_to_signed_note");
        guards.ShouldContain("guard_visit_note_signing");
        foreach (var guard in guards)
        {
            await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege,
                $"CREATE OR REPLACE FUNCTION public.{guard}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        }

        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "CREATE FUNCTION public.helper() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "CREATE FUNCTION hangfire.helper() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "CREATE FUNCTION pg_temp.helper() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "CREATE TEMPORARY TABLE scratch (id int)");
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "CREATE SCHEMA mine");
    }

    [Fact]
    public async Task A_note_cannot_be_stored_already_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var therapist = TestClinic.IdOf(clinic.Therapist);

        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation,
            """
            INSERT INTO visit_notes (id, clinic_id, visit_id, subjective, objective, assessment, plan, status, last_edited_at,
                                     last_edited_by_name, last_edited_by_user_id, signed_at, signed_by_name, signed_by_user_id)
            SELECT gen_random_uuid(), clinic_id, id, 'Written and signed at once', '', '', '', 'Signed', now(),
                   'Maya Lindqvist', @staff, now(), 'Maya Lindqvist', @staff
            FROM visits WHERE id = @visit
            """, visitId, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation,
            """
            INSERT INTO visit_notes (id, clinic_id, visit_id, subjective, objective, assessment, plan, status, last_edited_at,
                                     last_edited_by_name, last_edited_by_user_id, signed_at, signed_by_name, signed_by_user_id)
            SELECT gen_random_uuid(), clinic_id, id, 'A draft with a signature', '', '', '', 'Draft', now(),
                   'Maya Lindqvist', @staff, now(), 'Maya Lindqvist', @staff
            FROM visits WHERE id = @visit
            """, visitId, therapist);
    }

    [Fact]
    public async Task A_draft_is_signed_only_as_the_sign_path_signs_it()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the left knee", null, null, null))).Ok();
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        const string Sign = "UPDATE visit_notes SET status = 'Signed', signed_by_name = 'Someone', signed_by_user_id = @staff, signed_at = {0} WHERE visit_id = @visit";

        // Another therapist of the clinic, not on the visit; a therapist of another clinic; nobody's id.
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Sign, "now()"), visitId, TestClinic.IdOf(clinic.OtherTherapist));
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Sign, "now()"), visitId, TestClinic.IdOf(elsewhere.Therapist));
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Sign, "now()"), visitId, Guid.CreateVersion7());
        // The visit's own therapist, but backdated, dated ahead, or with no time or no signer.
        var therapist = TestClinic.IdOf(clinic.Therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Sign, "now() - interval '1 day'"), visitId, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Sign, "now() + interval '1 hour'"), visitId, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Sign, "NULL"), visitId, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation,
            "UPDATE visit_notes SET status = 'Signed', signed_at = now() WHERE visit_id = @visit", visitId);
        // An empty draft is not signed either.
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation,
            "UPDATE visit_notes SET subjective = ' ', status = 'Signed', signed_by_name = 'Maya Lindqvist', signed_by_user_id = @staff, signed_at = now() WHERE visit_id = @visit",
            visitId, therapist);

        (await clinic.NoteAsync(visitId)).NoteStatus.ShouldBe(NoteStatus.Draft);
    }

    [Fact]
    public async Task An_addendum_is_written_now_by_staff_of_the_clinic_to_a_signed_note()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, signedVisit) = await clinic.SignedVisitAsync();
        var (_, draftVisit) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(draftVisit, null, "Still a draft", null, null, null))).Ok();
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        const string Add = """
            INSERT INTO note_addenda (id, clinic_id, note_id, text, signed_at, author_name, author_user_id)
            SELECT gen_random_uuid(), clinic_id, id, 'Added later', {0}, 'Someone', @staff FROM visit_notes WHERE visit_id = @visit
            """;
        var therapist = TestClinic.IdOf(clinic.Therapist);

        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Add, "now()"), signedVisit, TestClinic.IdOf(elsewhere.Therapist));
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Add, "now()"), signedVisit, Guid.CreateVersion7());
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Add, "now() - interval '1 day'"), signedVisit, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Add, "signed_at - interval '1 second'"), signedVisit, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Add, "now() + interval '1 hour'"), signedVisit, therapist);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, string.Format(Add, "now()"), draftVisit, therapist);

        (await clinic.NoteAsync(signedVisit)).Addenda.ShouldBeEmpty();
    }

    /// <summary>A signed visit whose assessment holds a knot and an outcome score: all frozen by the signing.</summary>
    private async Task<Guid> SignedVisitWithAssessmentAsync(TestClinic clinic)
    {
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var knot = (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, null, "semitendinosus", BodySide.Right, MuscleZone.DistalThird, TenderKnot))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, knot.Saved.Version, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(3, 20)], []))).Ok();
        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the left knee", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version))).Ok();
        return visitId;
    }

    private async Task<string> FirstColumnAsync(string table)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            // Not an identity column: PostgreSQL refuses to set one before it checks the privilege.
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table AND is_identity = 'NO' ORDER BY ordinal_position LIMIT 1",
            connection);
        command.Parameters.AddWithValue("table", table);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"The app cannot see table {table}."));
    }

    /// <summary>Runs SQL as the app's runtime role, past the application, and expects PostgreSQL to refuse it.</summary>
    private async Task RefusedAsync(string sqlState, string sql, Guid? visitId = null, Guid? staffId = null)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("visit", visitId ?? Guid.Empty);
        command.Parameters.AddWithValue("staff", staffId ?? Guid.Empty);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        refused.SqlState.ShouldBe(sqlState, $"{sql}: {refused.MessageText}");
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
