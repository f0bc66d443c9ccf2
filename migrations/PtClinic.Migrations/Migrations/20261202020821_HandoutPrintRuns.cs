using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class HandoutPrintRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "handout_print_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    large_print = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    done_count = table.Column<int>(type: "integer", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handout_print_runs", x => x.id);
                    table.CheckConstraint("ck_handout_print_runs_counts", "total BETWEEN 1 AND 100 AND done_count BETWEEN 0 AND total");
                    table.CheckConstraint("ck_handout_print_runs_done", "(status = 'Done') = (pdf IS NOT NULL) AND (status = 'Failed') = (failure IS NOT NULL) AND (status IN ('Done', 'Failed')) = (finished_at IS NOT NULL)");
                    table.CheckConstraint("ck_handout_print_runs_pdf", "pdf IS NULL OR octet_length(pdf) BETWEEN 1 AND 67108864");
                },
                comment: "A therapist's print of the day's handouts, run by a background job: its progress and, when done, one PDF of them all.");

            migrationBuilder.CreateTable(
                name: "handout_print_run_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    printed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handout_print_run_items", x => x.id);
                    table.CheckConstraint("ck_handout_print_run_items_position", "position >= 1");
                    table.CheckConstraint("ck_handout_print_run_items_printed", "(version_id IS NULL) = (printed_at IS NULL)");
                    table.ForeignKey(
                        name: "fk_handout_print_run_items_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handout_print_run_items_handout_print_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "handout_print_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_handout_print_run_items_handout_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "handout_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handout_print_run_items_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "The episodes of a print run in order, each with the handout version it printed once it has.");

            migrationBuilder.CreateIndex(
                name: "ix_handout_print_run_items_episode_id",
                table: "handout_print_run_items",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_handout_print_run_items_patient_id",
                table: "handout_print_run_items",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_handout_print_run_items_run_id_episode_id",
                table: "handout_print_run_items",
                columns: new[] { "run_id", "episode_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_handout_print_run_items_run_id_position",
                table: "handout_print_run_items",
                columns: new[] { "run_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_handout_print_run_items_version_id",
                table: "handout_print_run_items",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_handout_print_runs_clinic_id_day",
                table: "handout_print_runs",
                columns: new[] { "clinic_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handout_print_run_items");

            migrationBuilder.DropTable(
                name: "handout_print_runs");
        }
    }
}
