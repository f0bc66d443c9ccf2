using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PatientsEpisodesVisitsNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_active_cancer",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_anticoagulant_use",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_bleeding_disorder",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_deep_vein_thrombosis_history",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_impaired_sensation",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_lymphoedema",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_metal_or_latex_allergy",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_needle_phobia",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_pregnancy",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_raynauds",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "medical_history_recent_surgery",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "occupation",
                table: "patients",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "patients",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(given_name || ' ' || family_name)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    risks_explained = table.Column<bool>(type: "boolean", nullable: false),
                    signed_by_patient = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_consents_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "episodes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    chief_complaint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    onset_date = table.Column<DateOnly>(type: "date", nullable: true),
                    referral_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    therapist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hold_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    discharge_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    discharge_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    discharged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_episodes_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    therapist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    covering_therapist_id = table.Column<Guid>(type: "uuid", nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visit_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subjective = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    objective = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    assessment = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    plan = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    last_edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    last_edited_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    last_edited_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    signed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_notes_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_addenda",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    author_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_addenda", x => x.id);
                    table.ForeignKey(
                        name: "fk_note_addenda_visit_notes_note_id",
                        column: x => x.note_id,
                        principalTable: "visit_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patients_clinic_id_date_of_birth",
                table: "patients",
                columns: new[] { "clinic_id", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_clinic_id_family_name_given_name_id",
                table: "patients",
                columns: new[] { "clinic_id", "family_name", "given_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_clinic_id_search_text_trgm",
                table: "patients",
                columns: new[] { "clinic_id", "search_text" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_consents_clinic_id_patient_id",
                table: "consents",
                columns: new[] { "clinic_id", "patient_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consents_patient_id",
                table: "consents",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_episodes_clinic_id_patient_id",
                table: "episodes",
                columns: new[] { "clinic_id", "patient_id" });

            migrationBuilder.CreateIndex(
                name: "ix_episodes_clinic_id_therapist_id_status",
                table: "episodes",
                columns: new[] { "clinic_id", "therapist_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_episodes_patient_id",
                table: "episodes",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_note_id_signed_at",
                table: "note_addenda",
                columns: new[] { "note_id", "signed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_notes_clinic_id_status_last_edited_at",
                table: "visit_notes",
                columns: new[] { "clinic_id", "status", "last_edited_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_notes_visit_id",
                table: "visit_notes",
                column: "visit_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visits_clinic_id_covering_therapist_id_starts_at",
                table: "visits",
                columns: new[] { "clinic_id", "covering_therapist_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_clinic_id_therapist_id_starts_at",
                table: "visits",
                columns: new[] { "clinic_id", "therapist_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_episode_id_starts_at",
                table: "visits",
                columns: new[] { "episode_id", "starts_at" });
            // A signed note is immutable in the database too, whatever writes to it (raw SQL, a
            // future service, a bug): updates and deletes of a signed note are refused, and
            // addenda are append-only. Signing itself is the last update a draft gets.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change_to_signed_note() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.status = 'Signed' THEN
                        RAISE EXCEPTION 'visit note % is signed and cannot be changed; add an addendum instead', OLD.id
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END;
                $$;

                CREATE TRIGGER visit_notes_signed_are_immutable
                    BEFORE UPDATE OR DELETE ON visit_notes
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_note();

                CREATE FUNCTION refuse_change_to_addendum() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'addendum % is signed and cannot be changed', OLD.id
                        USING ERRCODE = 'integrity_constraint_violation';
                END;
                $$;

                CREATE TRIGGER note_addenda_are_append_only
                    BEFORE UPDATE OR DELETE ON note_addenda
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_addendum();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS note_addenda_are_append_only ON note_addenda;
                DROP FUNCTION IF EXISTS refuse_change_to_addendum();
                DROP TRIGGER IF EXISTS visit_notes_signed_are_immutable ON visit_notes;
                DROP FUNCTION IF EXISTS refuse_change_to_signed_note();
                """);
            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "note_addenda");

            migrationBuilder.DropTable(
                name: "visit_notes");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "episodes");

            migrationBuilder.DropIndex(
                name: "ix_patients_clinic_id_date_of_birth",
                table: "patients");

            migrationBuilder.DropIndex(
                name: "ix_patients_clinic_id_family_name_given_name_id",
                table: "patients");

            migrationBuilder.DropIndex(
                name: "ix_patients_clinic_id_search_text_trgm",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_active_cancer",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_anticoagulant_use",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_bleeding_disorder",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_deep_vein_thrombosis_history",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_impaired_sensation",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_lymphoedema",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_metal_or_latex_allergy",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_needle_phobia",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_pregnancy",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_raynauds",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "medical_history_recent_surgery",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "occupation",
                table: "patients");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
