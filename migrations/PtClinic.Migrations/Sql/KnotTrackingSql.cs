namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the KnotTracking migration, kept here so the migration itself can be
/// regenerated.
/// <para>
/// The knot history is read from the finding and absence rows alone, so each carries the patient
/// and the visit's start. Rows charted before this migration get them from their assessment and
/// visit; the freeze triggers are lifted for that one backfill (the values copied are facts the
/// signed note already holds, not a change to it). Absences freeze with their assessment exactly as
/// findings do.
/// </para>
/// </summary>
public static class KnotTrackingSql
{
    public const string Backfill = """
        ALTER TABLE visit_assessments DISABLE TRIGGER visit_assessments_frozen_are_immutable;
        UPDATE visit_assessments a SET visit_starts_at = v.starts_at FROM visits v WHERE v.id = a.visit_id;
        ALTER TABLE visit_assessments ENABLE TRIGGER visit_assessments_frozen_are_immutable;

        ALTER TABLE knot_findings DISABLE TRIGGER knot_findings_freeze_with_assessment;
        UPDATE knot_findings k SET patient_id = a.patient_id, visit_starts_at = a.visit_starts_at
        FROM visit_assessments a WHERE a.id = k.assessment_id;
        ALTER TABLE knot_findings ENABLE TRIGGER knot_findings_freeze_with_assessment;
        """;

    public const string CreateTriggers = """
        CREATE TRIGGER knot_absences_freeze_with_assessment
            BEFORE INSERT OR UPDATE OR DELETE ON knot_absences
            FOR EACH ROW EXECUTE FUNCTION refuse_change_under_frozen_assessment();
        """;

    public const string DropTriggers = """
        DROP TRIGGER IF EXISTS knot_absences_freeze_with_assessment ON knot_absences;
        """;
}
