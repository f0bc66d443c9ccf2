using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ClinicIllustrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clinic_illustrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    intervention_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_illustrations", x => x.id);
                    table.CheckConstraint("ck_clinic_illustrations_content_size", "octet_length(content) BETWEEN 1 AND 2097152");
                    table.ForeignKey(
                        name: "fk_clinic_illustrations_clinics_clinic_id",
                        column: x => x.clinic_id,
                        principalTable: "clinics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "A clinic's own picture for a home-program item, printed on handouts instead of PtClinic's drawing: PNG, JPEG or a script-free SVG, checked by content.");

            migrationBuilder.CreateIndex(
                name: "ix_clinic_illustrations_clinic_id_intervention_code",
                table: "clinic_illustrations",
                columns: new[] { "clinic_id", "intervention_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clinic_illustrations");
        }
    }
}
