using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AutosaveFriendlyVisitNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_visit_notes_clinic_id_status_last_edited_at",
                table: "visit_notes");

            migrationBuilder.AlterTable(
                name: "visit_notes",
                comment: "SOAP notes; a trigger refuses changes once signed.")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "visit_notes",
                oldComment: "SOAP notes; a trigger refuses changes once signed.")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "ix_visit_notes_clinic_id_status_last_edited_at",
                table: "visit_notes",
                columns: new[] { "clinic_id", "status", "last_edited_at" });
        }
    }
}
