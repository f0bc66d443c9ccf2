using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PerformedTreatment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visit_treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    frozen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    last_edited_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    last_edited_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_treatments", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_treatments_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_treatments_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "What a visit performed; a trigger refuses changes once frozen with its signed note.");

            migrationBuilder.CreateTable(
                name: "dry_needling_procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    treatment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sites = table.Column<string>(type: "jsonb", nullable: false),
                    needle_count = table.Column<int>(type: "integer", nullable: false),
                    needle_gauge_mm = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: false),
                    needle_length_mm = table.Column<int>(type: "integer", nullable: false),
                    lot_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    technique = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    immediate_response = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    adverse_events = table.Column<string>(type: "jsonb", nullable: false),
                    justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    performed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    performed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    performed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dry_needling_procedures", x => x.id);
                    table.CheckConstraint("ck_dry_needling_procedures_needle_count", "needle_count BETWEEN 1 AND 30");
                    table.ForeignKey(
                        name: "fk_dry_needling_procedures_visit_treatments_treatment_id",
                        column: x => x.treatment_id,
                        principalTable: "visit_treatments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Dry-needling sessions (FHIR Procedure) with their sites and adverse events; frozen with the visit's treatment.");

            migrationBuilder.CreateTable(
                name: "performed_interventions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    treatment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    intervention_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    billing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cpt_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    performed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performed_interventions", x => x.id);
                    table.CheckConstraint("ck_performed_interventions_minutes", "minutes BETWEEN 1 AND 120");
                    table.ForeignKey(
                        name: "fk_performed_interventions_visit_treatments_treatment_id",
                        column: x => x.treatment_id,
                        principalTable: "visit_treatments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Interventions given at a visit with their minutes; frozen with the visit's treatment.");

            migrationBuilder.CreateIndex(
                name: "ix_dry_needling_procedures_treatment_id",
                table: "dry_needling_procedures",
                column: "treatment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performed_interventions_treatment_id",
                table: "performed_interventions",
                column: "treatment_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_treatments_episode_id",
                table: "visit_treatments",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_treatments_visit_id",
                table: "visit_treatments",
                column: "visit_id",
                unique: true);

            // Hand-written: the treatment freezes with its signed note (see the helper).
            PerformedTreatmentSql.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            PerformedTreatmentSql.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "dry_needling_procedures");

            migrationBuilder.DropTable(
                name: "performed_interventions");

            migrationBuilder.DropTable(
                name: "visit_treatments");
        }
    }
}
