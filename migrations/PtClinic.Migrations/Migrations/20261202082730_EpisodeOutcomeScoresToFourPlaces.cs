using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EpisodeOutcomeScoresToFourPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "psfs_final",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "psfs_baseline",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "odi_final",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "odi_baseline",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "nprs_final",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "nprs_baseline",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "lefs_final",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "lefs_baseline",
                table: "episode_outcomes",
                type: "numeric(9,4)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "psfs_final",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "psfs_baseline",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "odi_final",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "odi_baseline",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "nprs_final",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "nprs_baseline",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "lefs_final",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "lefs_baseline",
                table: "episode_outcomes",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(9,4)",
                oldNullable: true);
        }
    }
}
