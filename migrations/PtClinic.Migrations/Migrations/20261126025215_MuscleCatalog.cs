using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class MuscleCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "muscles",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    group = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_muscles", x => x.code);
                });

            migrationBuilder.InsertData(
                table: "muscles",
                columns: new[] { "code", "group", "name", "region", "sort_order" },
                values: new object[,]
                {
                    { "adductor-magnus", "Adductors", "Adductor magnus", "PosteriorThigh", 30 },
                    { "biceps-femoris-long-head", "Hamstrings", "Biceps femoris (long head)", "PosteriorThigh", 10 },
                    { "biceps-femoris-short-head", "Hamstrings", "Biceps femoris (short head)", "PosteriorThigh", 11 },
                    { "gastrocnemius", "Calf", "Gastrocnemius", "LowerLeg", 40 },
                    { "gluteus-maximus", "Gluteals", "Gluteus maximus", "Pelvis", 20 },
                    { "gluteus-medius", "Gluteals", "Gluteus medius", "Pelvis", 21 },
                    { "lumbar-paraspinals", "Lower back", "Lumbar paraspinals", "LowerBack", 50 },
                    { "piriformis", "Deep hip rotators", "Piriformis", "Pelvis", 22 },
                    { "quadratus-lumborum", "Lower back", "Quadratus lumborum", "LowerBack", 51 },
                    { "semimembranosus", "Hamstrings", "Semimembranosus", "PosteriorThigh", 13 },
                    { "semitendinosus", "Hamstrings", "Semitendinosus", "PosteriorThigh", 12 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "muscles");
        }
    }
}
