using Microsoft.EntityFrameworkCore.Migrations;

namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the PerformedTreatment migration, kept here so the migration itself can be
/// regenerated: its Up calls <see cref="Create"/>, its Down <see cref="Drop"/>.
/// <para>
/// What a visit performed freezes with its note: signing sets the treatment's frozen_at in the
/// signing's transaction (FreezeTreatmentWithNote), the last change the row gets. From then on, for
/// the app's runtime role, the treatment, its interventions and its dry-needling record refuse
/// every UPDATE and DELETE, and nothing new is added under a signed note. The table's owner is
/// exempt, as with the signing guards: the migrate step seeds the demo clinic's signed visits with
/// what they performed, and an owner could disable the triggers anyway.
/// </para>
/// </summary>
public static class PerformedTreatmentSql
{
    public const string CreateFunctionsAndTriggers = """
        CREATE FUNCTION refuse_change_to_frozen_treatment() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            row_visit uuid;
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF TG_OP <> 'INSERT' AND OLD.frozen_at IS NOT NULL THEN
                RAISE EXCEPTION 'the treatment % belongs to a signed note and cannot be changed', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            row_visit := CASE WHEN TG_OP = 'DELETE' THEN OLD.visit_id ELSE NEW.visit_id END;
            -- Under a signed note the one change left is the freezing itself.
            IF EXISTS (SELECT 1 FROM visit_notes WHERE visit_id = row_visit AND status = 'Signed')
               AND (TG_OP <> 'UPDATE' OR NEW.frozen_at IS NULL) THEN
                RAISE EXCEPTION 'the treatment of visit % belongs to a signed note and cannot be changed', row_visit
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
        $$;

        CREATE TRIGGER visit_treatments_frozen_are_immutable
            BEFORE INSERT OR UPDATE OR DELETE ON visit_treatments
            FOR EACH ROW EXECUTE FUNCTION refuse_change_to_frozen_treatment();

        CREATE FUNCTION refuse_change_under_frozen_treatment() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF EXISTS (
                SELECT 1 FROM visit_treatments t
                LEFT JOIN visit_notes n ON n.visit_id = t.visit_id AND n.status = 'Signed'
                WHERE (t.frozen_at IS NOT NULL OR n.id IS NOT NULL)
                  AND (t.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.treatment_id ELSE OLD.treatment_id END
                       OR (TG_OP = 'UPDATE' AND t.id = NEW.treatment_id))) THEN
                RAISE EXCEPTION '% of a signed note cannot be changed', TG_TABLE_NAME
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
        $$;

        CREATE TRIGGER performed_interventions_freeze_with_treatment
            BEFORE INSERT OR UPDATE OR DELETE ON performed_interventions
            FOR EACH ROW EXECUTE FUNCTION refuse_change_under_frozen_treatment();

        CREATE TRIGGER dry_needling_procedures_freeze_with_treatment
            BEFORE INSERT OR UPDATE OR DELETE ON dry_needling_procedures
            FOR EACH ROW EXECUTE FUNCTION refuse_change_under_frozen_treatment();
        """;

    public const string DropFunctionsAndTriggers = """
        DROP TRIGGER IF EXISTS dry_needling_procedures_freeze_with_treatment ON dry_needling_procedures;
        DROP TRIGGER IF EXISTS performed_interventions_freeze_with_treatment ON performed_interventions;
        DROP FUNCTION IF EXISTS refuse_change_under_frozen_treatment();
        DROP TRIGGER IF EXISTS visit_treatments_frozen_are_immutable ON visit_treatments;
        DROP FUNCTION IF EXISTS refuse_change_to_frozen_treatment();
        """;

    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(CreateFunctionsAndTriggers);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(DropFunctionsAndTriggers);
    }
}
