using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EpisodeRedFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "episode_red_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    flag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raised_at_visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_at_visit_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_as = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    closing_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    referred_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    referral_acknowledgement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    closed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    closed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    raised_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    raised_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episode_red_flags", x => x.id);
                    table.CheckConstraint("ck_episode_red_flags_closing", "(closed_at IS NULL AND closed_as IS NULL AND closed_by_user_id IS NULL AND referred_to IS NULL AND referred_on IS NULL) OR (closed_at IS NOT NULL AND closed_as = 'Resolved' AND closed_by_user_id IS NOT NULL AND closing_note IS NOT NULL AND referred_to IS NULL) OR (closed_at IS NOT NULL AND closed_as = 'Referred' AND closed_by_user_id IS NOT NULL AND referred_to IS NOT NULL AND referred_on IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_episode_red_flags_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_episode_red_flags_referral_acknowledgements_referral_acknow",
                        column: x => x.referral_acknowledgement_id,
                        principalTable: "referral_acknowledgements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_episode_red_flags_visits_raised_at_visit_id",
                        column: x => x.raised_at_visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Red flags open on an episode until the therapist closes them; never deleted, closed rows never change.");

            migrationBuilder.CreateIndex(
                name: "ix_episode_red_flags_episode_id",
                table: "episode_red_flags",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_episode_red_flags_episode_id_flag",
                table: "episode_red_flags",
                columns: new[] { "episode_id", "flag" },
                unique: true,
                filter: "closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_episode_red_flags_raised_at_visit_id",
                table: "episode_red_flags",
                column: "raised_at_visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_episode_red_flags_referral_acknowledgement_id",
                table: "episode_red_flags",
                column: "referral_acknowledgement_id");

            EpisodeRedFlagsSql.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            EpisodeRedFlagsSql.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "episode_red_flags");
        }
    }
}
