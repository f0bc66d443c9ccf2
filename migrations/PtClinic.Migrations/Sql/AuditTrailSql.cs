namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the AuditTrail migration. The trigger numbers each clinic's rows, stamps the
/// time and chains each row to the one before by hash; the app cannot choose any of it. The hash is
/// the one <c>PtClinic.Domain.Audit.AuditChain</c> computes (the verifier recomputes it there): SHA-256
/// over the previous hash and the fields, each as its UTF-8 length, ':' and its text, '~' for none,
/// joined by '|', the time as microseconds since 1970.
/// </summary>
public static class AuditTrailSql
{
    public const string Create = """
        CREATE FUNCTION audit_field(value text) RETURNS text
        LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
        $$;

        CREATE FUNCTION audit_events_chain() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            last_sequence bigint;
            last_hash bytea;
        BEGIN
            -- One writer per chain at a time, until commit: the next row must see this one.
            PERFORM pg_advisory_xact_lock(1635087459, hashtext(coalesce(NEW.clinic_id::text, 'no clinic')));
            IF NEW.clinic_id IS NULL THEN
                SELECT sequence, hash INTO last_sequence, last_hash
                FROM audit_events WHERE clinic_id IS NULL ORDER BY sequence DESC LIMIT 1;
            ELSE
                SELECT sequence, hash INTO last_sequence, last_hash
                FROM audit_events WHERE clinic_id = NEW.clinic_id ORDER BY sequence DESC LIMIT 1;
            END IF;

            NEW.sequence := coalesce(last_sequence, 0) + 1;
            NEW.previous_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
            NEW.occurred_at := clock_timestamp();
            NEW.hash := sha256(NEW.previous_hash || convert_to(concat_ws('|',
                audit_field(NEW.clinic_id::text),
                audit_field(NEW.sequence::text),
                audit_field(((extract(epoch FROM NEW.occurred_at) * 1000000)::bigint)::text),
                audit_field(NEW.actor_id::text),
                audit_field(NEW.actor_roles),
                audit_field(NEW.action),
                audit_field(NEW.operation),
                audit_field(NEW.entity_type),
                audit_field(NEW.entity_id::text),
                audit_field(NEW.patient_id::text),
                audit_field(NEW.account),
                audit_field(NEW.client_address),
                audit_field(NEW.outcome)), 'UTF8'));
            RETURN NEW;
        END
        $$;

        CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

        CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;

        CREATE TRIGGER audit_events_are_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS audit_events_are_append_only ON audit_events;
        DROP TRIGGER IF EXISTS audit_events_chain ON audit_events;
        DROP FUNCTION IF EXISTS audit_events_refuse_change();
        DROP FUNCTION IF EXISTS audit_events_chain();
        DROP FUNCTION IF EXISTS audit_field(text);
        """;
}
