using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EpisodeOutcomeMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "episode_outcome_months",
                columns: table => new
                {
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    therapist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_month = table.Column<DateOnly>(type: "date", nullable: false),
                    discharged_month = table.Column<DateOnly>(type: "date", nullable: false),
                    totals_active = table.Column<int>(type: "integer", nullable: false),
                    totals_acute = table.Column<int>(type: "integer", nullable: false),
                    totals_age40to64 = table.Column<int>(type: "integer", nullable: false),
                    totals_age65and_over = table.Column<int>(type: "integer", nullable: false),
                    totals_age_under40 = table.Column<int>(type: "integer", nullable: false),
                    totals_baseline_mild = table.Column<int>(type: "integer", nullable: false),
                    totals_baseline_moderate = table.Column<int>(type: "integer", nullable: false),
                    totals_baseline_none = table.Column<int>(type: "integer", nullable: false),
                    totals_baseline_severe = table.Column<int>(type: "integer", nullable: false),
                    totals_bleeding = table.Column<int>(type: "integer", nullable: false),
                    totals_bruising = table.Column<int>(type: "integer", nullable: false),
                    totals_chronic = table.Column<int>(type: "integer", nullable: false),
                    totals_discharged = table.Column<int>(type: "integer", nullable: false),
                    totals_dry_needling_sessions = table.Column<int>(type: "integer", nullable: false),
                    totals_dry_needling_with_adverse_events = table.Column<int>(type: "integer", nullable: false),
                    totals_episodes = table.Column<int>(type: "integer", nullable: false),
                    totals_fainting = table.Column<int>(type: "integer", nullable: false),
                    totals_goals_met = table.Column<int>(type: "integer", nullable: false),
                    totals_knot_sites_recurred = table.Column<int>(type: "integer", nullable: false),
                    totals_knot_sites_resolved = table.Column<int>(type: "integer", nullable: false),
                    totals_lefs_at_discharge = table.Column<int>(type: "integer", nullable: false),
                    totals_lefs_improvement = table.Column<decimal>(type: "numeric", nullable: true),
                    totals_lefs_reached = table.Column<int>(type: "integer", nullable: false),
                    totals_lefs_scored = table.Column<int>(type: "integer", nullable: false),
                    totals_no_discharge_outcome = table.Column<int>(type: "integer", nullable: false),
                    totals_nprs_at_discharge = table.Column<int>(type: "integer", nullable: false),
                    totals_nprs_improvement = table.Column<decimal>(type: "numeric", nullable: true),
                    totals_nprs_reached = table.Column<int>(type: "integer", nullable: false),
                    totals_nprs_scored = table.Column<int>(type: "integer", nullable: false),
                    totals_odi_at_discharge = table.Column<int>(type: "integer", nullable: false),
                    totals_odi_improvement = table.Column<decimal>(type: "numeric", nullable: true),
                    totals_odi_reached = table.Column<int>(type: "integer", nullable: false),
                    totals_odi_scored = table.Column<int>(type: "integer", nullable: false),
                    totals_onset_unknown = table.Column<int>(type: "integer", nullable: false),
                    totals_opened = table.Column<int>(type: "integer", nullable: false),
                    totals_other_adverse = table.Column<int>(type: "integer", nullable: false),
                    totals_other_reason = table.Column<int>(type: "integer", nullable: false),
                    totals_plateau_or_referred_on = table.Column<int>(type: "integer", nullable: false),
                    totals_progress_note_overdue = table.Column<int>(type: "integer", nullable: false),
                    totals_psfs_at_discharge = table.Column<int>(type: "integer", nullable: false),
                    totals_psfs_improvement = table.Column<decimal>(type: "numeric", nullable: true),
                    totals_psfs_reached = table.Column<int>(type: "integer", nullable: false),
                    totals_psfs_scored = table.Column<int>(type: "integer", nullable: false),
                    totals_recertification_overdue = table.Column<int>(type: "integer", nullable: false),
                    totals_soreness = table.Column<int>(type: "integer", nullable: false),
                    totals_stopped_attending = table.Column<int>(type: "integer", nullable: false),
                    totals_subacute = table.Column<int>(type: "integer", nullable: false),
                    totals_visits_attended = table.Column<int>(type: "integer", nullable: false),
                    totals_visits_booked = table.Column<int>(type: "integer", nullable: false),
                    totals_visits_cancelled = table.Column<int>(type: "integer", nullable: false),
                    totals_visits_no_show = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episode_outcome_months", x => new { x.clinic_id, x.therapist_id, x.region, x.opened_month, x.discharged_month });
                    table.ForeignKey(
                        name: "fk_episode_outcome_months_clinics_clinic_id",
                        column: x => x.clinic_id,
                        principalTable: "clinics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "The discharged episodes' dashboard figures added up by clinic, therapist, body region, month opened and month discharged; written with the outcome rows, rebuilt from them at any time.");

            migrationBuilder.CreateIndex(
                name: "ix_episode_outcomes_clinic_id_discharged_on",
                table: "episode_outcomes",
                columns: new[] { "clinic_id", "discharged_on" });

            migrationBuilder.CreateIndex(
                name: "ix_episode_outcome_months_clinic_id_discharged_month",
                table: "episode_outcome_months",
                columns: new[] { "clinic_id", "discharged_month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "episode_outcome_months");

            migrationBuilder.DropIndex(
                name: "ix_episode_outcomes_clinic_id_discharged_on",
                table: "episode_outcomes");
        }
    }
}
