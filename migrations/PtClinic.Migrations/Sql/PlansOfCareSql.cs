using Microsoft.EntityFrameworkCore.Migrations;

namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the PlansOfCare migration, kept here so the migration itself can be
/// regenerated: its Up ends with <see cref="Create"/>, its Down starts with <see cref="Drop"/>.
/// <para>
/// A signed plan-of-care version is never changed nor deleted (its goals and prescriptions are in
/// its row, so they freeze with it); a revision is a new row. A plan is signed only by an UPDATE
/// of a draft that carries what SignPlanOfCare guarantees: a signer of the clinic and the time now.
/// As with the notes' guards (<see cref="SigningGuardsSql"/>), the table's owner is exempt — the
/// migrate step seeds the demo clinic's signed plans as the owner — and the runtime role never is.
/// </para>
/// </summary>
public static class PlansOfCareSql
{
    public const string CreateFunctionsAndTriggers = $$"""
        CREATE FUNCTION guard_plan_of_care() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'Signed' THEN
                RAISE EXCEPTION 'plan of care % is signed and cannot be changed: revise it to make the next version', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            IF NEW.status <> 'Signed' THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                RAISE EXCEPTION 'plan of care % cannot be stored already signed: a draft is signed by the sign path', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NEW.signed_by_user_id IS NULL OR NEW.signed_by_name IS NULL
               OR NEW.signed_at < now() - interval '{{SigningGuardsSql.Tolerance}}'
               OR NEW.signed_at > now() + interval '{{SigningGuardsSql.Tolerance}}' THEN
                RAISE EXCEPTION 'plan of care % is signed without a signer, or not now', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM staff_members s
                           WHERE s.id = NEW.signed_by_user_id AND s.clinic_id = NEW.clinic_id AND s.deactivated_at IS NULL) THEN
                RAISE EXCEPTION 'plan of care % can be signed only by an active staff member of its clinic', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END;
        $$;

        CREATE TRIGGER plans_of_care_signed_are_immutable
            BEFORE INSERT OR UPDATE OR DELETE ON plans_of_care
            FOR EACH ROW EXECUTE FUNCTION guard_plan_of_care();
        """;

    public const string DropFunctionsAndTriggers = """
        DROP TRIGGER IF EXISTS plans_of_care_signed_are_immutable ON plans_of_care;
        DROP FUNCTION IF EXISTS guard_plan_of_care();
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
