using Microsoft.EntityFrameworkCore.Migrations;
using PtClinic.Migrations.Sql;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReferralReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the column, and the codes of the answers already stored (see the helper).
            ReferralReasonCodesSql.AddAndBackfill(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reason_codes",
                table: "referral_acknowledgements");
        }
    }
}
