using Microsoft.EntityFrameworkCore.Migrations;

namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the HandoutVersions migration (its Up ends with <see cref="Create"/>, its
/// Down starts with <see cref="Drop"/>). An issued handout is what the patient took home: no one
/// changes or deletes it. The runtime role has no UPDATE or DELETE on the table (see
/// DatabasePrivileges), and this trigger refuses both to any role but the table's owner, which
/// the test suite's cleanup runs as (the audit trail, which nobody may clean, has no exemption).
/// </summary>
public static class HandoutVersionsSql
{
    public const string CreateFunctionsAndTriggers = $$"""
        CREATE FUNCTION refuse_change_to_issued_handout() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            RAISE EXCEPTION 'handout version % was issued and cannot be changed: issue the next version', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END;
        $$;

        CREATE TRIGGER handout_versions_issued_are_immutable
            BEFORE UPDATE OR DELETE ON handout_versions
            FOR EACH ROW EXECUTE FUNCTION refuse_change_to_issued_handout();
        """;

    public const string DropFunctionsAndTriggers = """
        DROP TRIGGER IF EXISTS handout_versions_issued_are_immutable ON handout_versions;
        DROP FUNCTION IF EXISTS refuse_change_to_issued_handout();
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
