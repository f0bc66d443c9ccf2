using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class KnotTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "visit_starts_at",
                table: "visit_assessments",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                table: "knot_findings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "visit_starts_at",
                table: "knot_findings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.Sql(KnotTrackingSql.Backfill);

            migrationBuilder.CreateTable(
                name: "knot_absences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    muscle_code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    zone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knot_absences", x => x.id);
                    table.ForeignKey(
                        name: "fk_knot_absences_muscles_muscle_code",
                        column: x => x.muscle_code,
                        principalTable: "muscles",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knot_absences_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knot_absences_visit_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "visit_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Tracked knot sites palpated at a visit and not found; frozen with their assessment.");

            migrationBuilder.CreateTable(
                name: "knot_sites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    muscle_code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    zone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    flags = table.Column<int>(type: "integer", nullable: false),
                    assessments = table.Column<int>(type: "integer", nullable: false),
                    recurrence_count = table.Column<int>(type: "integer", nullable: false),
                    present_in_a_row = table.Column<int>(type: "integer", nullable: false),
                    first_seen_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    present_since = table.Column<DateOnly>(type: "date", nullable: true),
                    last_resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    days_present = table.Column<int>(type: "integer", nullable: false),
                    days_to_last_recurrence = table.Column<int>(type: "integer", nullable: true),
                    latest_tenderness = table.Column<int>(type: "integer", nullable: true),
                    trend_change = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knot_sites", x => x.id);
                    table.ForeignKey(
                        name: "fk_knot_sites_muscles_muscle_code",
                        column: x => x.muscle_code,
                        principalTable: "muscles",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knot_sites_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Each patient's tracked knot sites (FHIR BodyStructure) and their state, derived from the signed notes; rebuilt from them at any time.");

            migrationBuilder.CreateIndex(
                name: "ix_visit_assessments_patient_id_visit_starts_at",
                table: "visit_assessments",
                columns: new[] { "patient_id", "visit_starts_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "frozen_at", "episode_id", "visit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_knot_findings_patient_id_muscle_code_side_zone_visit_starts",
                table: "knot_findings",
                columns: new[] { "patient_id", "muscle_code", "side", "zone", "visit_starts_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "assessment_id", "tenderness", "size_mm", "is_active", "referred_pain", "clinic_id" });

            migrationBuilder.CreateIndex(
                name: "ix_knot_absences_assessment_id_muscle_code_side_zone",
                table: "knot_absences",
                columns: new[] { "assessment_id", "muscle_code", "side", "zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knot_absences_muscle_code",
                table: "knot_absences",
                column: "muscle_code");

            migrationBuilder.CreateIndex(
                name: "ix_knot_absences_patient_id_muscle_code_side_zone_visit_starts",
                table: "knot_absences",
                columns: new[] { "patient_id", "muscle_code", "side", "zone", "visit_starts_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "assessment_id", "clinic_id" });

            migrationBuilder.CreateIndex(
                name: "ix_knot_sites_muscle_code",
                table: "knot_sites",
                column: "muscle_code");

            migrationBuilder.CreateIndex(
                name: "ix_knot_sites_patient_id_muscle_code_side_zone",
                table: "knot_sites",
                columns: new[] { "patient_id", "muscle_code", "side", "zone" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_knot_findings_patients_patient_id",
                table: "knot_findings",
                column: "patient_id",
                principalTable: "patients",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.Sql(KnotTrackingSql.CreateTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(KnotTrackingSql.DropTriggers);

            migrationBuilder.DropForeignKey(
                name: "fk_knot_findings_patients_patient_id",
                table: "knot_findings");

            migrationBuilder.DropTable(
                name: "knot_absences");

            migrationBuilder.DropTable(
                name: "knot_sites");

            migrationBuilder.DropIndex(
                name: "ix_visit_assessments_patient_id_visit_starts_at",
                table: "visit_assessments");

            migrationBuilder.DropIndex(
                name: "ix_knot_findings_patient_id_muscle_code_side_zone_visit_starts",
                table: "knot_findings");

            migrationBuilder.DropColumn(
                name: "visit_starts_at",
                table: "visit_assessments");

            migrationBuilder.DropColumn(
                name: "patient_id",
                table: "knot_findings");

            migrationBuilder.DropColumn(
                name: "visit_starts_at",
                table: "knot_findings");
        }
    }
}
