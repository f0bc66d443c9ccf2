using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ClinicAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "clinics",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opening_hours",
                table: "clinics",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "paper_size",
                table: "clinics",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "A4");

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "clinics",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "clinics",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "clinic_logos",
                columns: table => new
                {
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_logos", x => x.clinic_id);
                    table.CheckConstraint("ck_clinic_logos_content_size", "octet_length(content) BETWEEN 1 AND 2097152");
                    table.ForeignKey(
                        name: "fk_clinic_logos_clinics_clinic_id",
                        column: x => x.clinic_id,
                        principalTable: "clinics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "One logo per clinic: PNG, JPEG or a script-free SVG, checked by content.");

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    professional_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    licence_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    deactivated_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    deactivated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_members_clinics_clinic_id",
                        column: x => x.clinic_id,
                        principalTable: "clinics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_members_users_id",
                        column: x => x.id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_credentials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issuer = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_credentials", x => x.id);
                    table.CheckConstraint("ck_staff_credentials_expiry_after_issue", "expires_on IS NULL OR expires_on >= issued_on");
                    table.ForeignKey(
                        name: "fk_staff_credentials_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_credentials_clinic_id_staff_member_id",
                table: "staff_credentials",
                columns: new[] { "clinic_id", "staff_member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_credentials_staff_member_id",
                table: "staff_credentials",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_clinic_id_full_name",
                table: "staff_members",
                columns: new[] { "clinic_id", "full_name" });

            // ---- hand-written (keep when regenerating this migration) ----
            migrationBuilder.Sql(HandWritten.StaffMemberBackfill.Sql);
            // ---- end hand-written ----
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clinic_logos");

            migrationBuilder.DropTable(
                name: "staff_credentials");

            migrationBuilder.DropTable(
                name: "staff_members");

            migrationBuilder.DropColumn(
                name: "must_change_password",
                table: "users");

            migrationBuilder.DropColumn(
                name: "address",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "opening_hours",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "paper_size",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "clinics");
        }
    }
}
