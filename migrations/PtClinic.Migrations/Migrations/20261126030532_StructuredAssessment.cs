using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class StructuredAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cause_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cause_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_cause_decisions_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cause_decisions_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Root-cause decisions on an episode; append-only.");

            migrationBuilder.CreateTable(
                name: "referral_acknowledgements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    acknowledged_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_acknowledgements", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_acknowledgements_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referral_acknowledgements_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "Answers to refer-to-doctor recommendations; append-only.");

            migrationBuilder.CreateTable(
                name: "visit_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    last_edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    frozen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    last_edited_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    last_edited_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_assessments_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_assessments_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "The structured part of a visit note; a trigger refuses changes once frozen (signed).");

            migrationBuilder.CreateTable(
                name: "knot_findings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    muscle_code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    zone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    tenderness = table.Column<int>(type: "integer", nullable: false),
                    pressure_pain_threshold = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    size_mm = table.Column<int>(type: "integer", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    local_twitch_response = table.Column<bool>(type: "boolean", nullable: false),
                    referred_pain = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knot_findings", x => x.id);
                    table.CheckConstraint("ck_knot_findings_tenderness", "tenderness BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "fk_knot_findings_muscles_muscle_code",
                        column: x => x.muscle_code,
                        principalTable: "muscles",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knot_findings_visit_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "visit_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Knots charted at a visit; frozen with their assessment.");

            migrationBuilder.CreateTable(
                name: "recorded_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    score = table.Column<decimal>(type: "numeric", nullable: false),
                    ratings = table.Column<List<int?>>(type: "integer[]", nullable: false),
                    activity_names = table.Column<List<string>>(type: "text[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recorded_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_recorded_outcomes_visit_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "visit_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "Questionnaires answered at a visit, with the domain-computed score; frozen with their assessment.");

            migrationBuilder.CreateIndex(
                name: "ix_cause_decisions_episode_id_decided_at",
                table: "cause_decisions",
                columns: new[] { "episode_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cause_decisions_visit_id",
                table: "cause_decisions",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_knot_findings_assessment_id_muscle_code_side_zone",
                table: "knot_findings",
                columns: new[] { "assessment_id", "muscle_code", "side", "zone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knot_findings_muscle_code",
                table: "knot_findings",
                column: "muscle_code");

            migrationBuilder.CreateIndex(
                name: "ix_recorded_outcomes_assessment_id_measure",
                table: "recorded_outcomes",
                columns: new[] { "assessment_id", "measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referral_acknowledgements_episode_id",
                table: "referral_acknowledgements",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_acknowledgements_visit_id",
                table: "referral_acknowledgements",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_assessments_episode_id",
                table: "visit_assessments",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_assessments_visit_id",
                table: "visit_assessments",
                column: "visit_id",
                unique: true);

            // The assessment freezes with its note. Signing sets frozen_at, the last update the row
            // gets; after that the database refuses any change to it, its knots and its
            // questionnaires, whatever writes. Root-cause decisions and referral answers are
            // append-only: a change of mind is a new row.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change_to_frozen_assessment() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.frozen_at IS NOT NULL THEN
                        RAISE EXCEPTION 'the assessment % belongs to a signed note and cannot be changed', OLD.id
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END;
                $$;

                CREATE TRIGGER visit_assessments_frozen_are_immutable
                    BEFORE UPDATE OR DELETE ON visit_assessments
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_frozen_assessment();

                CREATE FUNCTION refuse_change_under_frozen_assessment() RETURNS trigger
                LANGUAGE plpgsql AS $$
                DECLARE
                    row_assessment uuid;
                BEGIN
                    row_assessment := CASE WHEN TG_OP = 'INSERT' THEN NEW.assessment_id ELSE OLD.assessment_id END;
                    IF EXISTS (SELECT 1 FROM visit_assessments WHERE id = row_assessment AND frozen_at IS NOT NULL)
                       OR (TG_OP = 'UPDATE' AND EXISTS (
                           SELECT 1 FROM visit_assessments WHERE id = NEW.assessment_id AND frozen_at IS NOT NULL)) THEN
                        RAISE EXCEPTION '% of a signed note cannot be changed', TG_TABLE_NAME
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END;
                $$;

                CREATE TRIGGER knot_findings_freeze_with_assessment
                    BEFORE INSERT OR UPDATE OR DELETE ON knot_findings
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_under_frozen_assessment();

                CREATE TRIGGER recorded_outcomes_freeze_with_assessment
                    BEFORE INSERT OR UPDATE OR DELETE ON recorded_outcomes
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_under_frozen_assessment();

                CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only; record a new row instead', TG_TABLE_NAME
                        USING ERRCODE = 'integrity_constraint_violation';
                END;
                $$;

                CREATE TRIGGER cause_decisions_are_append_only
                    BEFORE UPDATE OR DELETE ON cause_decisions
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();

                CREATE TRIGGER referral_acknowledgements_are_append_only
                    BEFORE UPDATE OR DELETE ON referral_acknowledgements
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS referral_acknowledgements_are_append_only ON referral_acknowledgements;
                DROP TRIGGER IF EXISTS cause_decisions_are_append_only ON cause_decisions;
                DROP FUNCTION IF EXISTS refuse_change_to_append_only();
                DROP TRIGGER IF EXISTS recorded_outcomes_freeze_with_assessment ON recorded_outcomes;
                DROP TRIGGER IF EXISTS knot_findings_freeze_with_assessment ON knot_findings;
                DROP FUNCTION IF EXISTS refuse_change_under_frozen_assessment();
                DROP TRIGGER IF EXISTS visit_assessments_frozen_are_immutable ON visit_assessments;
                DROP FUNCTION IF EXISTS refuse_change_to_frozen_assessment();
                """);
            migrationBuilder.DropTable(
                name: "cause_decisions");

            migrationBuilder.DropTable(
                name: "knot_findings");

            migrationBuilder.DropTable(
                name: "recorded_outcomes");

            migrationBuilder.DropTable(
                name: "referral_acknowledgements");

            migrationBuilder.DropTable(
                name: "visit_assessments");
        }
    }
}
