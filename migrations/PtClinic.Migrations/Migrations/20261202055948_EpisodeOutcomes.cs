using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EpisodeOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "episode_outcomes",
                columns: table => new
                {
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    therapist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    discharge_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    discharged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    age_at_opening = table.Column<int>(type: "integer", nullable: false),
                    weeks_since_onset = table.Column<int>(type: "integer", nullable: true),
                    visits_booked = table.Column<int>(type: "integer", nullable: false),
                    visits_attended = table.Column<int>(type: "integer", nullable: false),
                    visits_no_show = table.Column<int>(type: "integer", nullable: false),
                    visits_cancelled = table.Column<int>(type: "integer", nullable: false),
                    visits_signed = table.Column<int>(type: "integer", nullable: false),
                    last_evaluated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    visits_since_evaluation = table.Column<int>(type: "integer", nullable: false),
                    recertification_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    nprs_baseline = table.Column<decimal>(type: "numeric", nullable: true),
                    nprs_final = table.Column<decimal>(type: "numeric", nullable: true),
                    lefs_baseline = table.Column<decimal>(type: "numeric", nullable: true),
                    lefs_final = table.Column<decimal>(type: "numeric", nullable: true),
                    psfs_baseline = table.Column<decimal>(type: "numeric", nullable: true),
                    psfs_final = table.Column<decimal>(type: "numeric", nullable: true),
                    odi_baseline = table.Column<decimal>(type: "numeric", nullable: true),
                    odi_final = table.Column<decimal>(type: "numeric", nullable: true),
                    discharge_outcome_recorded = table.Column<bool>(type: "boolean", nullable: false),
                    causes = table.Column<string[]>(type: "text[]", nullable: false),
                    interventions = table.Column<string[]>(type: "text[]", nullable: false),
                    dry_needling_sessions = table.Column<int>(type: "integer", nullable: false),
                    dry_needling_sessions_with_adverse_events = table.Column<int>(type: "integer", nullable: false),
                    adverse_bruising = table.Column<int>(type: "integer", nullable: false),
                    adverse_bleeding = table.Column<int>(type: "integer", nullable: false),
                    adverse_soreness = table.Column<int>(type: "integer", nullable: false),
                    adverse_fainting = table.Column<int>(type: "integer", nullable: false),
                    adverse_other = table.Column<int>(type: "integer", nullable: false),
                    knot_sites_resolved = table.Column<int>(type: "integer", nullable: false),
                    knot_sites_recurred = table.Column<int>(type: "integer", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    days_to_discharge = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episode_outcomes", x => x.episode_id);
                    table.ForeignKey(
                        name: "fk_episode_outcomes_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "One row per episode: the facts the outcomes dashboard counts, derived from the signed records in the transaction that changes them; rebuilt from them at any time.");

            migrationBuilder.CreateIndex(
                name: "ix_episode_outcomes_clinic_id_opened_on",
                table: "episode_outcomes",
                columns: new[] { "clinic_id", "opened_on" });

            migrationBuilder.CreateIndex(
                name: "ix_episode_outcomes_clinic_id_therapist_id_opened_on",
                table: "episode_outcomes",
                columns: new[] { "clinic_id", "therapist_id", "opened_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "episode_outcomes");
        }
    }
}
