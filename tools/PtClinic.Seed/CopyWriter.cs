using Npgsql;
using NpgsqlTypes;

namespace PtClinic.Seed;

/// <summary>
/// Writes a batch with binary COPY, as the tables' owner (whose writes the signed-record guards
/// exempt), in an order where every row's references are already in. The one guard that exempts no
/// one refuses knots and scores under a frozen assessment, so an assessment with those is written
/// unfrozen, its knots and scores after it, and then frozen at its note's signing with one UPDATE,
/// which the guard allows (it is what signing does). No trigger is disabled.
/// </summary>
public sealed class CopyWriter(NpgsqlConnection connection, SeedCounts counts)
{
    private readonly Dictionary<string, bool> _checked = [];

    public async Task WriteAsync(Batch b, CancellationToken ct)
    {
        await Copy("patients", ["id", "clinic_id", "mrn", "given_name", "family_name", "date_of_birth", "sex", "phone", "email", "registered_at",
            "medical_history_anticoagulant_use", "medical_history_bleeding_disorder", "medical_history_needle_phobia", "occupation"], b.Patients, async (w, p) =>
        {
            await w.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.ClinicId, NpgsqlDbType.Uuid, ct);
            await Text(w, p.Mrn);
            await Text(w, p.GivenName);
            await Text(w, p.FamilyName);
            await w.WriteAsync(p.DateOfBirth, NpgsqlDbType.Date, ct);
            await Text(w, p.Sex.ToString());
            await Text(w, p.Phone);
            await Text(w, p.Email);
            await w.WriteAsync(p.RegisteredAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(p.Anticoagulants, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(p.BleedingDisorder, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(p.NeedlePhobia, NpgsqlDbType.Boolean, ct);
            await Text(w, p.Occupation);
        }, ct);

        await Copy("consents", ["id", "clinic_id", "patient_id", "kind", "given_on", "risks_explained", "signed_by_patient", "recorded_at", "recorded_by_name", "recorded_by_user_id"], b.Consents, async (w, c) =>
        {
            await w.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(c.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(c.PatientId, NpgsqlDbType.Uuid, ct);
            await Text(w, c.Kind.ToString());
            await w.WriteAsync(c.GivenOn, NpgsqlDbType.Date, ct);
            await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(c.RecordedAt, NpgsqlDbType.TimestampTz, ct);
            await Text(w, c.By.FullName);
            await w.WriteAsync(c.By.Id, NpgsqlDbType.Uuid, ct);
        }, ct);

        await Copy("episodes", ["id", "clinic_id", "patient_id", "chief_complaint", "region", "side", "onset_date", "referral_source", "therapist_id", "status",
            "hold_reason", "discharge_reason", "discharge_note", "opened_at", "discharged_at"], b.Episodes, async (w, e) =>
        {
            await w.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(e.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(e.PatientId, NpgsqlDbType.Uuid, ct);
            await Text(w, e.Complaint);
            await Text(w, e.Region.ToString());
            await Text(w, e.Side.ToString());
            await Nullable(w, e.OnsetDate, NpgsqlDbType.Date);
            await Text(w, e.ReferralSource);
            await w.WriteAsync(e.TherapistId, NpgsqlDbType.Uuid, ct);
            await Text(w, e.Status.ToString());
            await Text(w, e.HoldReason);
            await Text(w, e.DischargeReason?.ToString());
            await Text(w, e.DischargeNote);
            await w.WriteAsync(e.OpenedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(w, e.DischargedAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("visits", ["id", "clinic_id", "patient_id", "episode_id", "therapist_id", "covering_therapist_id", "starts_at", "duration_minutes", "type", "status",
            "cancellation_reason", "checked_in_at"], b.Visits, async (w, v) =>
        {
            await w.WriteAsync(v.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(v.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(v.PatientId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(v.EpisodeId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(v.TherapistId, NpgsqlDbType.Uuid, ct);
            await Nullable(w, v.CoveringTherapistId, NpgsqlDbType.Uuid);
            await w.WriteAsync(v.StartsAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(v.DurationMinutes, NpgsqlDbType.Integer, ct);
            await Text(w, v.Type.ToString());
            await Text(w, v.Status.ToString());
            await Text(w, v.CancellationReason);
            await Nullable(w, v.CheckedInAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("visit_notes", ["id", "clinic_id", "visit_id", "subjective", "objective", "assessment", "plan", "status", "last_edited_at", "signed_at",
            "last_edited_by_name", "last_edited_by_user_id", "signed_by_name", "signed_by_user_id"], b.Notes, async (w, n) =>
        {
            var signed = n.SignedAt is not null;
            await w.WriteAsync(n.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(n.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(n.VisitId, NpgsqlDbType.Uuid, ct);
            await Text(w, n.Subjective);
            await Text(w, n.Objective);
            await Text(w, n.Assessment);
            await Text(w, n.Plan);
            await Text(w, signed ? "Signed" : "Draft");
            await w.WriteAsync(n.LastEditedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(w, n.SignedAt, NpgsqlDbType.TimestampTz);
            await Text(w, n.By.FullName);
            await w.WriteAsync(n.By.Id, NpgsqlDbType.Uuid, ct);
            await Text(w, signed ? n.By.FullName : null);
            await Nullable(w, signed ? n.By.Id : (Guid?)null, NpgsqlDbType.Uuid);
        }, ct);

        await Copy("visit_assessments", ["id", "clinic_id", "visit_id", "episode_id", "patient_id", "findings", "last_edited_at", "frozen_at",
            "last_edited_by_name", "last_edited_by_user_id", "visit_starts_at"], b.Assessments, async (w, a) =>
        {
            await w.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.VisitId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.EpisodeId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.PatientId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.FindingsJson, NpgsqlDbType.Jsonb, ct);
            await w.WriteAsync(a.LastEditedAt, NpgsqlDbType.TimestampTz, ct);
            // Frozen later, once its knots and scores are in.
            await Nullable(w, a.HasChildren ? null : a.FrozenAt, NpgsqlDbType.TimestampTz);
            await Text(w, a.By.FullName);
            await w.WriteAsync(a.By.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.VisitStartsAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);

        await Copy("recorded_outcomes", ["id", "clinic_id", "assessment_id", "measure", "score", "ratings", "activity_names", "recorded_at"], b.Outcomes, async (w, o) =>
        {
            await w.WriteAsync(o.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(o.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(o.AssessmentId, NpgsqlDbType.Uuid, ct);
            await Text(w, o.Measure.ToString());
            await w.WriteAsync(o.Score, NpgsqlDbType.Numeric, ct);
            await w.WriteAsync(o.Ratings, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
            await w.WriteAsync(o.ActivityNames, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await w.WriteAsync(o.RecordedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);

        await Copy("knot_findings", ["id", "clinic_id", "assessment_id", "muscle_code", "side", "zone", "tenderness", "pressure_pain_threshold", "size_mm", "is_active",
            "local_twitch_response", "referred_pain", "patient_id", "visit_starts_at"], b.Findings, async (w, f) =>
        {
            await w.WriteAsync(f.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(f.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(f.AssessmentId, NpgsqlDbType.Uuid, ct);
            await Text(w, f.Site.MuscleCode);
            await Text(w, f.Site.Side.ToString());
            await Text(w, f.Site.Zone.ToString());
            await w.WriteAsync(f.Tenderness, NpgsqlDbType.Integer, ct);
            await Nullable(w, f.PressurePainThreshold, NpgsqlDbType.Numeric);
            await Nullable(w, f.SizeMm, NpgsqlDbType.Integer);
            await w.WriteAsync(f.IsActive, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(f.LocalTwitchResponse, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(f.ReferredPain, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await w.WriteAsync(f.PatientId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(f.VisitStartsAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);

        await Copy("knot_absences", ["id", "clinic_id", "assessment_id", "patient_id", "visit_starts_at", "muscle_code", "side", "zone"], b.Absences, async (w, a) =>
        {
            await w.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.AssessmentId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.PatientId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(a.VisitStartsAt, NpgsqlDbType.TimestampTz, ct);
            await Text(w, a.Site.MuscleCode);
            await Text(w, a.Site.Side.ToString());
            await Text(w, a.Site.Zone.ToString());
        }, ct);

        await FreezeAsync(b.Assessments.Where(a => a.HasChildren && a.FrozenAt is not null).ToList(), ct);

        await Copy("cause_decisions", ["id", "clinic_id", "episode_id", "visit_id", "cause", "verdict", "reason", "evidence", "decided_at", "decided_by_name", "decided_by_user_id"], b.Decisions, async (w, d) =>
        {
            await w.WriteAsync(d.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(d.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(d.EpisodeId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(d.VisitId, NpgsqlDbType.Uuid, ct);
            await Text(w, d.Cause.ToString());
            await Text(w, d.Verdict.ToString());
            await Text(w, d.Reason);
            await w.WriteAsync(d.Evidence, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await w.WriteAsync(d.DecidedAt, NpgsqlDbType.TimestampTz, ct);
            await Text(w, d.By.FullName);
            await w.WriteAsync(d.By.Id, NpgsqlDbType.Uuid, ct);
        }, ct);

        await Copy("plans_of_care", ["id", "clinic_id", "episode_id", "patient_id", "number", "replaces_id", "status", "content", "created_at", "last_edited_at", "signed_at",
            "certified_on", "recertification_due_on", "created_by_name", "created_by_user_id", "last_edited_by_name", "last_edited_by_user_id", "signed_by_name", "signed_by_user_id"],
            b.Plans, async (w, p) =>
        {
            await w.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.EpisodeId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.PatientId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.Number, NpgsqlDbType.Integer, ct);
            await Nullable(w, p.ReplacesId, NpgsqlDbType.Uuid);
            await Text(w, "Signed");
            await w.WriteAsync(p.ContentJson, NpgsqlDbType.Jsonb, ct);
            await w.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(p.SignedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(p.SignedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(p.CertifiedOn, NpgsqlDbType.Date, ct);
            await w.WriteAsync(p.RecertificationDueOn, NpgsqlDbType.Date, ct);
            for (var i = 0; i < 3; i++)
            {
                await Text(w, p.By.FullName);
                await w.WriteAsync(p.By.Id, NpgsqlDbType.Uuid, ct);
            }
        }, ct);

        await Copy("visit_treatments", ["id", "clinic_id", "visit_id", "episode_id", "patient_id", "last_edited_at", "frozen_at", "last_edited_by_name", "last_edited_by_user_id"],
            b.Treatments, async (w, t) =>
        {
            await w.WriteAsync(t.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(t.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(t.VisitId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(t.EpisodeId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(t.PatientId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(t.LastEditedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(w, t.FrozenAt, NpgsqlDbType.TimestampTz);
            await Text(w, t.By.FullName);
            await w.WriteAsync(t.By.Id, NpgsqlDbType.Uuid, ct);
        }, ct);

        await Copy("performed_interventions", ["id", "clinic_id", "treatment_id", "intervention_code", "name", "billing", "cpt_code", "minutes", "notes", "performed_at"],
            b.Performed, async (w, p) =>
        {
            await w.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(p.TreatmentId, NpgsqlDbType.Uuid, ct);
            await Text(w, p.Code);
            await Text(w, p.Name);
            await Text(w, p.Billing);
            await Text(w, p.CptCode);
            await w.WriteAsync(p.Minutes, NpgsqlDbType.Integer, ct);
            await Text(w, p.Notes);
            await w.WriteAsync(p.PerformedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);

        await Copy("dry_needling_procedures", ["id", "clinic_id", "treatment_id", "sites", "needle_count", "needle_gauge_mm", "needle_length_mm", "lot_number", "technique",
            "immediate_response", "adverse_events", "performed_at", "performed_by_name", "performed_by_user_id"], b.Needling, async (w, n) =>
        {
            await w.WriteAsync(n.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(n.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(n.TreatmentId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(n.SitesJson, NpgsqlDbType.Jsonb, ct);
            await w.WriteAsync(n.NeedleCount, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(n.GaugeMm, NpgsqlDbType.Numeric, ct);
            await w.WriteAsync(n.LengthMm, NpgsqlDbType.Integer, ct);
            await Text(w, n.LotNumber);
            await Text(w, n.Technique);
            await Text(w, n.ImmediateResponse);
            await w.WriteAsync(n.AdverseEventsJson, NpgsqlDbType.Jsonb, ct);
            await w.WriteAsync(n.PerformedAt, NpgsqlDbType.TimestampTz, ct);
            await Text(w, n.By.FullName);
            await w.WriteAsync(n.By.Id, NpgsqlDbType.Uuid, ct);
        }, ct);

        await Copy("knot_sites", ["id", "clinic_id", "patient_id", "muscle_code", "side", "zone", "state", "flags", "assessments", "recurrence_count", "present_in_a_row",
            "first_seen_on", "last_assessed_on", "present_since", "last_resolved_on", "days_present", "days_to_last_recurrence", "latest_tenderness", "trend_change", "updated_at"],
            b.KnotSites, async (w, row) =>
        {
            var s = row.Site;
            await w.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(s.ClinicId, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(s.PatientId, NpgsqlDbType.Uuid, ct);
            await Text(w, s.MuscleCode);
            await Text(w, s.Side.ToString());
            await Text(w, s.Zone.ToString());
            await Text(w, s.State.ToString());
            await w.WriteAsync((int)s.Flags, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(s.Assessments, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(s.RecurrenceCount, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(s.PresentInARow, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(s.FirstSeenOn, NpgsqlDbType.Date, ct);
            await w.WriteAsync(s.LastAssessedOn, NpgsqlDbType.Date, ct);
            await Nullable(w, s.PresentSince, NpgsqlDbType.Date);
            await Nullable(w, s.LastResolvedOn, NpgsqlDbType.Date);
            await w.WriteAsync(s.DaysPresent, NpgsqlDbType.Integer, ct);
            await Nullable(w, s.DaysToLastRecurrence, NpgsqlDbType.Integer);
            await Nullable(w, s.LatestTenderness, NpgsqlDbType.Integer);
            await w.WriteAsync(s.TrendChange, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(s.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);

        async Task Text(NpgsqlBinaryImporter w, string? value)
        {
            if (value is null)
            {
                await w.WriteNullAsync(ct);
            }
            else
            {
                await w.WriteAsync(value, NpgsqlDbType.Varchar, ct);
            }
        }

        async Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
            where T : struct
        {
            if (value is { } v)
            {
                await w.WriteAsync(v, type, ct);
            }
            else
            {
                await w.WriteNullAsync(ct);
            }
        }
    }

    /// <summary>Signs off the assessments written unfrozen: frozen_at from a staged list, one UPDATE.</summary>
    private async Task FreezeAsync(IReadOnlyList<AssessmentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await ExecuteAsync("CREATE TEMP TABLE IF NOT EXISTS seed_freeze (id uuid PRIMARY KEY, frozen_at timestamptz NOT NULL) ON COMMIT DROP", ct);
        await ExecuteAsync("TRUNCATE seed_freeze", ct);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY seed_freeze (id, frozen_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(a.FrozenAt!.Value, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await ExecuteAsync("UPDATE visit_assessments a SET frozen_at = f.frozen_at FROM seed_freeze f WHERE a.id = f.id", ct);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task Copy<T>(string table, string[] columns, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        if (!_checked.ContainsKey(table))
        {
            await EnsureColumnsCoveredAsync(connection, table, columns, ct);
            _checked[table] = true;
        }

        if (rows.Count > 0)
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                await write(writer, row);
            }

            await writer.CompleteAsync(ct);
        }

        counts.Add(table, rows.Count);
    }

    /// <summary>A NOT NULL column without a default that the COPY leaves out would fail it: say which, plainly.</summary>
    public static async Task EnsureColumnsCoveredAsync(NpgsqlConnection connection, string table, string[] columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname
            FROM pg_attribute a
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attnotnull AND d.adbin IS NULL AND a.attgenerated = ''
            """, connection);
        command.Parameters.AddWithValue("table", table);
        var missing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (!columns.Contains(reader.GetString(0)))
                {
                    missing.Add(reader.GetString(0));
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {table} table has required columns the generator does not fill: {string.Join(", ", missing)}. Add them to tools/PtClinic.Seed/CopyWriter.cs.");
        }
    }
}

/// <summary>Rows written, by table, in the order first written.</summary>
public sealed class SeedCounts
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, long> _counts = [];

    public IEnumerable<(string Table, long Rows)> All => _order.Select(t => (t, _counts[t]));

    public long this[string table] => _counts.GetValueOrDefault(table);

    public long Total => _counts.Values.Sum();

    public void Add(string table, long rows)
    {
        if (!_counts.ContainsKey(table))
        {
            _order.Add(table);
            _counts[table] = 0;
        }

        _counts[table] += rows;
    }
}
