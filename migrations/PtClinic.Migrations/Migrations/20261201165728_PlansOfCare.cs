using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PlansOfCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans_of_care",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recertification_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_edited_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    last_edited_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    signed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_of_care", x => x.id);
                    table.CheckConstraint("ck_plans_of_care_number", "number >= 1");
                    table.CheckConstraint("ck_plans_of_care_signature", "(status = 'Draft' AND signed_at IS NULL AND certified_on IS NULL AND recertification_due_on IS NULL) OR (status = 'Signed' AND signed_at IS NOT NULL AND certified_on IS NOT NULL AND recertification_due_on IS NOT NULL AND recertification_due_on > certified_on AND recertification_due_on <= certified_on + 90)");
                    table.ForeignKey(
                        name: "fk_plans_of_care_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plans_of_care_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plans_of_care_plans_of_care_replaces_id",
                        column: x => x.replaces_id,
                        principalTable: "plans_of_care",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Plan-of-care versions (FHIR CarePlan); a signed version is frozen by a trigger, and revised by a new row that replaces it.");

            migrationBuilder.CreateIndex(
                name: "ix_plans_of_care_episode_id_number",
                table: "plans_of_care",
                columns: new[] { "episode_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plans_of_care_one_draft_per_episode",
                table: "plans_of_care",
                column: "episode_id",
                unique: true,
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_plans_of_care_patient_id",
                table: "plans_of_care",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_of_care_replaces_id",
                table: "plans_of_care",
                column: "replaces_id",
                unique: true);

            // Hand-written: a signed version is frozen, and signed only by the sign path (see the helper).
            PlansOfCareSql.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            PlansOfCareSql.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "plans_of_care");
        }
    }
}
