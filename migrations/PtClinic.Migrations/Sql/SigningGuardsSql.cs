using Microsoft.EntityFrameworkCore.Migrations;

namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the SigningGuards migration, kept here so the migration itself can be
/// regenerated: its Up is <see cref="Create"/>, its Down <see cref="Drop"/>.
/// <para>
/// The earlier triggers keep a signed note, its addenda and a frozen assessment from changing.
/// These keep a signature from being forged in the first place, by a role that can write the
/// tables but owns nothing (the app's runtime role, see DatabasePrivileges): a note is signed only
/// by an UPDATE of a draft that carries what the sign path guarantees, and an addendum is written
/// only to a signed note, by staff of its clinic, at the time it is written. The table's owner is
/// exempt (the migrate step seeds the demo clinic's past notes as the owner, and an owner could
/// disable the triggers anyway); the runtime role never is.
/// </para>
/// </summary>
public static class SigningGuardsSql
{
    /// <summary>
    /// How far a signature's time may be from the database's clock (the transaction's start):
    /// the app takes the time just before it writes, and two machines' clocks drift a little.
    /// </summary>
    public const string Tolerance = "5 minutes";

    public const string CreateFunctionsAndTriggers = $$"""
        CREATE FUNCTION guard_visit_note_signing() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            visit record;
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.status = 'Signed' THEN
                RETURN NEW; -- visit_notes_signed_are_immutable refuses it
            END IF;
            IF NEW.status <> 'Signed' THEN
                IF NEW.signed_at IS NOT NULL OR NEW.signed_by_user_id IS NOT NULL OR NEW.signed_by_name IS NOT NULL THEN
                    RAISE EXCEPTION 'visit note % is a draft and carries no signature', NEW.id
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                RAISE EXCEPTION 'visit note % cannot be stored already signed: a draft is signed by the sign path', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;

            -- A draft being signed: what SignVisitNote guarantees.
            IF NEW.signed_by_user_id IS NULL OR NEW.signed_at IS NULL OR NEW.signed_by_name IS NULL THEN
                RAISE EXCEPTION 'visit note % is signed without a signer or a time', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NEW.signed_at < now() - interval '{{Tolerance}}' OR NEW.signed_at > now() + interval '{{Tolerance}}' THEN
                RAISE EXCEPTION 'visit note % is signed at %, not now: a signature is never backdated nor dated ahead', NEW.id, NEW.signed_at
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF (NEW.subjective || NEW.objective || NEW.assessment || NEW.plan) !~ '\S' THEN
                RAISE EXCEPTION 'visit note % is empty and cannot be signed', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            SELECT v.therapist_id, v.covering_therapist_id, v.clinic_id, e.status AS episode_status INTO visit
            FROM visits v JOIN episodes e ON e.id = v.episode_id
            WHERE v.id = NEW.visit_id;
            IF NOT FOUND OR visit.clinic_id <> NEW.clinic_id
               OR NEW.signed_by_user_id NOT IN (visit.therapist_id, coalesce(visit.covering_therapist_id, visit.therapist_id)) THEN
                RAISE EXCEPTION 'visit note % can be signed only by the visit''s therapist or the one covering it', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF visit.episode_status = 'Discharged' THEN
                RAISE EXCEPTION 'visit note % belongs to a discharged episode and cannot be signed', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM staff_members s
                           WHERE s.id = NEW.signed_by_user_id AND s.clinic_id = NEW.clinic_id AND s.deactivated_at IS NULL) THEN
                RAISE EXCEPTION 'visit note % can be signed only by an active staff member of its clinic', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END;
        $$;

        CREATE TRIGGER visit_notes_are_signed_by_the_sign_path
            BEFORE INSERT OR UPDATE ON visit_notes
            FOR EACH ROW EXECUTE FUNCTION guard_visit_note_signing();

        CREATE FUNCTION guard_addendum_signing() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            note record;
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN NEW;
            END IF;
            SELECT n.status, n.signed_at, n.clinic_id INTO note FROM visit_notes n WHERE n.id = NEW.note_id;
            IF NOT FOUND OR note.status <> 'Signed' OR note.clinic_id <> NEW.clinic_id THEN
                RAISE EXCEPTION 'addendum % must be added to a signed note of its clinic', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NEW.signed_at < now() - interval '{{Tolerance}}' OR NEW.signed_at > now() + interval '{{Tolerance}}'
               OR NEW.signed_at < note.signed_at THEN
                RAISE EXCEPTION 'addendum % is signed at %, not now: an addendum is never backdated nor dated ahead', NEW.id, NEW.signed_at
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM staff_members s
                           WHERE s.id = NEW.author_user_id AND s.clinic_id = NEW.clinic_id AND s.deactivated_at IS NULL) THEN
                RAISE EXCEPTION 'addendum % can be signed only by an active staff member of the note''s clinic', NEW.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END;
        $$;

        CREATE TRIGGER note_addenda_are_signed_now_by_staff
            BEFORE INSERT ON note_addenda
            FOR EACH ROW EXECUTE FUNCTION guard_addendum_signing();
        """;

    public const string DropFunctionsAndTriggers = """
        DROP TRIGGER IF EXISTS note_addenda_are_signed_now_by_staff ON note_addenda;
        DROP FUNCTION IF EXISTS guard_addendum_signing();
        DROP TRIGGER IF EXISTS visit_notes_are_signed_by_the_sign_path ON visit_notes;
        DROP FUNCTION IF EXISTS guard_visit_note_signing();
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
