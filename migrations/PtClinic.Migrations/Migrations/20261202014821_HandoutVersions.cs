using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class HandoutVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "handout_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    large_print = table.Column<bool>(type: "boolean", nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    pdf_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    issued_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handout_versions", x => x.id);
                    table.CheckConstraint("ck_handout_versions_items", "item_count >= 1");
                    table.CheckConstraint("ck_handout_versions_number", "number >= 1");
                    table.CheckConstraint("ck_handout_versions_pdf", "octet_length(pdf) BETWEEN 1 AND 8388608");
                    table.ForeignKey(
                        name: "fk_handout_versions_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handout_versions_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handout_versions_plans_of_care_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans_of_care",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Issued home-program handouts (FHIR DocumentReference): what was printed and the PDF; never changed (a trigger and the grants refuse it).");

            migrationBuilder.CreateIndex(
                name: "ix_handout_versions_episode_id_number",
                table: "handout_versions",
                columns: new[] { "episode_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_handout_versions_patient_id",
                table: "handout_versions",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_handout_versions_plan_id",
                table: "handout_versions",
                column: "plan_id");

            // Hand-written: an issued handout never changes (see the helper).
            HandoutVersionsSql.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            HandoutVersionsSql.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "handout_versions");
        }
    }
}
