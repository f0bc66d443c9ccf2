using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SigningGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the guards on signing a note and writing an addendum (see the helper).
            SigningGuardsSql.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SigningGuardsSql.Drop(migrationBuilder);
        }
    }
}
