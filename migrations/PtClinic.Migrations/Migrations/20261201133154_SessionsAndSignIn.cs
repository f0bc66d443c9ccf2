using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SessionsAndSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "idle_timeout",
                table: "clinics",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 15, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "two_factor_requirement",
                table: "clinics",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "NoOne");

            migrationBuilder.CreateTable(
                name: "sign_in_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sign_in_sessions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sign_in_sessions_clinics_clinic_id",
                        column: x => x.clinic_id,
                        principalTable: "clinics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Signed-in browsers: the cookie holds only the id, the encrypted sign-in stays here, so signing out (deleting the row) ends it everywhere.");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_sessions_clinic_id",
                table: "sign_in_sessions",
                column: "clinic_id");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_sessions_expires_at",
                table: "sign_in_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_sessions_last_activity_at",
                table: "sign_in_sessions",
                column: "last_activity_at");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_sessions_user_id",
                table: "sign_in_sessions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_sessions");

            migrationBuilder.DropColumn(
                name: "idle_timeout",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "two_factor_requirement",
                table: "clinics");
        }
    }
}
