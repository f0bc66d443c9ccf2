using Microsoft.EntityFrameworkCore.Migrations;

namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the EpisodeRedFlags migration, kept here so the migration itself can be
/// regenerated: its Up ends with <see cref="Create"/>, its Down starts with <see cref="Drop"/>.
/// <para>
/// An episode's red flag is history once recorded: for the app's runtime role it is never
/// deleted (the grant is revoked too, DatabasePrivileges.NeverDeletedTables), what opened it never
/// changes, and once closed nothing in it changes. The one update an open row takes is its
/// closing. As with the other guards, the table's owner is exempt (an owner could disable the
/// trigger anyway); the runtime role never is.
/// </para>
/// </summary>
public static class EpisodeRedFlagsSql
{
    public const string CreateFunctionsAndTriggers = """
        CREATE FUNCTION guard_episode_red_flag() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'red flag % is part of the episode''s history and cannot be deleted', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.closed_at IS NOT NULL THEN
                    RAISE EXCEPTION 'red flag % cannot be stored already closed: a signed note opens it', NEW.id
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END IF;
            IF OLD.closed_at IS NOT NULL THEN
                RAISE EXCEPTION 'red flag % was closed and cannot be changed', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF (NEW.clinic_id, NEW.episode_id, NEW.patient_id, NEW.flag, NEW.raised_at_visit_id, NEW.raised_at_visit_starts_at,
                NEW.raised_at, NEW.raised_by_user_id, NEW.raised_by_name)
               IS DISTINCT FROM
               (OLD.clinic_id, OLD.episode_id, OLD.patient_id, OLD.flag, OLD.raised_at_visit_id, OLD.raised_at_visit_starts_at,
                OLD.raised_at, OLD.raised_by_user_id, OLD.raised_by_name) THEN
                RAISE EXCEPTION 'what opened red flag % cannot be changed; only its closing is recorded', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END;
        $$;

        CREATE TRIGGER episode_red_flags_closed_are_immutable
            BEFORE INSERT OR UPDATE OR DELETE ON episode_red_flags
            FOR EACH ROW EXECUTE FUNCTION guard_episode_red_flag();
        """;

    public const string DropFunctionsAndTriggers = """
        DROP TRIGGER IF EXISTS episode_red_flags_closed_are_immutable ON episode_red_flags;
        DROP FUNCTION IF EXISTS guard_episode_red_flag();
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
