using Npgsql;
using NpgsqlTypes;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>
/// Writes a batch with binary COPY, as the tables' owner (whose writes the signed-record guards
/// exempt), in an order where every row's references are already in. The one guard that exempts no
/// one refuses knots and scores under a frozen assessment, so an assessment with those is written
/// unfrozen, its knots and scores after it, and then frozen at its note's signing with one UPDATE,
/// which the guard allows (it is what signing does). No trigger is disabled.
/// </summary>
internal sealed class CopyWriter(NpgsqlConnection connection, SeedCounts counts)
{
    private readonly Dictionary<string, bool> _checked = [];
    private readonly Dictionary<string, TimeSpan> _times = [];

    public string Timings() => string.Join(", ", _times.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0}"));

    public async Task WriteAsync(Batch b, CancellationToken ct)
    {
        await Copy("patients", ["id", "clinic_id", "mrn", "given_name", "family_name", "date_of_birth", "sex", "phone", "email", "registered_at",
            "medical_history_anticoagulant_use", "medical_history_bleeding_disorder", "medical_history_needle_phobia", "occupation"], b.Patients, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.ClinicId, NpgsqlDbType.Uuid);
            Text(w, p.Mrn);
            Text(w, p.GivenName);
            Text(w, p.FamilyName);
            w.Write(p.DateOfBirth, NpgsqlDbType.Date);
            Text(w, p.Sex.ToString());
            Text(w, p.Phone);
            Text(w, p.Email);
            w.Write(p.RegisteredAt, NpgsqlDbType.TimestampTz);
            w.Write(p.Anticoagulants, NpgsqlDbType.Boolean);
            w.Write(p.BleedingDisorder, NpgsqlDbType.Boolean);
            w.Write(p.NeedlePhobia, NpgsqlDbType.Boolean);
            Text(w, p.Occupation);
        }, ct);

        await Copy("consents", ["id", "clinic_id", "patient_id", "kind", "given_on", "risks_explained", "signed_by_patient", "recorded_at", "recorded_by_name", "recorded_by_user_id"], b.Consents, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(c.ClinicId, NpgsqlDbType.Uuid);
            w.Write(c.PatientId, NpgsqlDbType.Uuid);
            Text(w, c.Kind.ToString());
            w.Write(c.GivenOn, NpgsqlDbType.Date);
            w.Write(true, NpgsqlDbType.Boolean);
            w.Write(true, NpgsqlDbType.Boolean);
            w.Write(c.RecordedAt, NpgsqlDbType.TimestampTz);
            Text(w, c.By.FullName);
            w.Write(c.By.Id, NpgsqlDbType.Uuid);
        }, ct);

        await Copy("episodes", ["id", "clinic_id", "patient_id", "chief_complaint", "region", "side", "onset_date", "referral_source", "therapist_id", "status",
            "hold_reason", "discharge_reason", "discharge_note", "opened_at", "discharged_at"], b.Episodes, (w, e) =>
        {
            w.Write(e.Id, NpgsqlDbType.Uuid);
            w.Write(e.ClinicId, NpgsqlDbType.Uuid);
            w.Write(e.PatientId, NpgsqlDbType.Uuid);
            Text(w, e.Complaint);
            Text(w, e.Region.ToString());
            Text(w, e.Side.ToString());
            Nullable(w, e.OnsetDate, NpgsqlDbType.Date);
            Text(w, e.ReferralSource);
            w.Write(e.TherapistId, NpgsqlDbType.Uuid);
            Text(w, e.Status.ToString());
            Text(w, e.HoldReason);
            Text(w, e.DischargeReason?.ToString());
            Text(w, e.DischargeNote);
            w.Write(e.OpenedAt, NpgsqlDbType.TimestampTz);
            Nullable(w, e.DischargedAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("visits", ["id", "clinic_id", "patient_id", "episode_id", "therapist_id", "covering_therapist_id", "starts_at", "duration_minutes", "type", "status",
            "cancellation_reason", "checked_in_at"], b.Visits, (w, v) =>
        {
            w.Write(v.Id, NpgsqlDbType.Uuid);
            w.Write(v.ClinicId, NpgsqlDbType.Uuid);
            w.Write(v.PatientId, NpgsqlDbType.Uuid);
            w.Write(v.EpisodeId, NpgsqlDbType.Uuid);
            w.Write(v.TherapistId, NpgsqlDbType.Uuid);
            Nullable(w, v.CoveringTherapistId, NpgsqlDbType.Uuid);
            w.Write(v.StartsAt, NpgsqlDbType.TimestampTz);
            w.Write(v.DurationMinutes, NpgsqlDbType.Integer);
            Text(w, v.Type.ToString());
            Text(w, v.Status.ToString());
            Text(w, v.CancellationReason);
            Nullable(w, v.CheckedInAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("visit_notes", ["id", "clinic_id", "visit_id", "subjective", "objective", "assessment", "plan", "status", "last_edited_at", "signed_at",
            "last_edited_by_name", "last_edited_by_user_id", "signed_by_name", "signed_by_user_id"], b.Notes, (w, n) =>
        {
            var signed = n.SignedAt is not null;
            w.Write(n.Id, NpgsqlDbType.Uuid);
            w.Write(n.ClinicId, NpgsqlDbType.Uuid);
            w.Write(n.VisitId, NpgsqlDbType.Uuid);
            Text(w, n.Subjective);
            Text(w, n.Objective);
            Text(w, n.Assessment);
            Text(w, n.Plan);
            Text(w, signed ? "Signed" : "Draft");
            w.Write(n.LastEditedAt, NpgsqlDbType.TimestampTz);
            Nullable(w, n.SignedAt, NpgsqlDbType.TimestampTz);
            Text(w, n.By.FullName);
            w.Write(n.By.Id, NpgsqlDbType.Uuid);
            Text(w, signed ? n.By.FullName : null);
            Nullable(w, signed ? n.By.Id : (Guid?)null, NpgsqlDbType.Uuid);
        }, ct);

        await Copy("visit_assessments", ["id", "clinic_id", "visit_id", "episode_id", "patient_id", "findings", "last_edited_at", "frozen_at",
            "last_edited_by_name", "last_edited_by_user_id", "visit_starts_at"], b.Assessments, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Uuid);
            w.Write(a.ClinicId, NpgsqlDbType.Uuid);
            w.Write(a.VisitId, NpgsqlDbType.Uuid);
            w.Write(a.EpisodeId, NpgsqlDbType.Uuid);
            w.Write(a.PatientId, NpgsqlDbType.Uuid);
            w.Write(a.FindingsJson, NpgsqlDbType.Jsonb);
            w.Write(a.LastEditedAt, NpgsqlDbType.TimestampTz);
            // Frozen later, once its knots and scores are in.
            Nullable(w, a.HasChildren ? null : a.FrozenAt, NpgsqlDbType.TimestampTz);
            Text(w, a.By.FullName);
            w.Write(a.By.Id, NpgsqlDbType.Uuid);
            w.Write(a.VisitStartsAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("recorded_outcomes", ["id", "clinic_id", "assessment_id", "measure", "score", "ratings", "activity_names", "recorded_at"], b.Outcomes, (w, o) =>
        {
            w.Write(o.Id, NpgsqlDbType.Uuid);
            w.Write(o.ClinicId, NpgsqlDbType.Uuid);
            w.Write(o.AssessmentId, NpgsqlDbType.Uuid);
            Text(w, o.Measure.ToString());
            w.Write(o.Score, NpgsqlDbType.Numeric);
            w.Write(o.Ratings, NpgsqlDbType.Array | NpgsqlDbType.Integer);
            w.Write(o.ActivityNames, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(o.RecordedAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("knot_findings", ["id", "clinic_id", "assessment_id", "muscle_code", "side", "zone", "tenderness", "pressure_pain_threshold", "size_mm", "is_active",
            "local_twitch_response", "referred_pain", "patient_id", "visit_starts_at"], b.Findings, (w, f) =>
        {
            w.Write(f.Id, NpgsqlDbType.Uuid);
            w.Write(f.ClinicId, NpgsqlDbType.Uuid);
            w.Write(f.AssessmentId, NpgsqlDbType.Uuid);
            Text(w, f.Site.MuscleCode);
            Text(w, f.Site.Side.ToString());
            Text(w, f.Site.Zone.ToString());
            w.Write(f.Tenderness, NpgsqlDbType.Integer);
            Nullable(w, f.PressurePainThreshold, NpgsqlDbType.Numeric);
            Nullable(w, f.SizeMm, NpgsqlDbType.Integer);
            w.Write(f.IsActive, NpgsqlDbType.Boolean);
            w.Write(f.LocalTwitchResponse, NpgsqlDbType.Boolean);
            w.Write(f.ReferredPain, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(f.PatientId, NpgsqlDbType.Uuid);
            w.Write(f.VisitStartsAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("knot_absences", ["id", "clinic_id", "assessment_id", "patient_id", "visit_starts_at", "muscle_code", "side", "zone"], b.Absences, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Uuid);
            w.Write(a.ClinicId, NpgsqlDbType.Uuid);
            w.Write(a.AssessmentId, NpgsqlDbType.Uuid);
            w.Write(a.PatientId, NpgsqlDbType.Uuid);
            w.Write(a.VisitStartsAt, NpgsqlDbType.TimestampTz);
            Text(w, a.Site.MuscleCode);
            Text(w, a.Site.Side.ToString());
            Text(w, a.Site.Zone.ToString());
        }, ct);

        await FreezeAsync(b.Assessments.Where(a => a.HasChildren && a.FrozenAt is not null).ToList(), ct);

        await Copy("cause_decisions", ["id", "clinic_id", "episode_id", "visit_id", "cause", "verdict", "reason", "evidence", "decided_at", "decided_by_name", "decided_by_user_id"], b.Decisions, (w, d) =>
        {
            w.Write(d.Id, NpgsqlDbType.Uuid);
            w.Write(d.ClinicId, NpgsqlDbType.Uuid);
            w.Write(d.EpisodeId, NpgsqlDbType.Uuid);
            w.Write(d.VisitId, NpgsqlDbType.Uuid);
            Text(w, d.Cause.ToString());
            Text(w, d.Verdict.ToString());
            Text(w, d.Reason);
            w.Write(d.Evidence, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(d.DecidedAt, NpgsqlDbType.TimestampTz);
            Text(w, d.By.FullName);
            w.Write(d.By.Id, NpgsqlDbType.Uuid);
        }, ct);

        await Copy("plans_of_care", ["id", "clinic_id", "episode_id", "patient_id", "number", "replaces_id", "status", "content", "created_at", "last_edited_at", "signed_at",
            "certified_on", "recertification_due_on", "created_by_name", "created_by_user_id", "last_edited_by_name", "last_edited_by_user_id", "signed_by_name", "signed_by_user_id"],
            b.Plans, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.ClinicId, NpgsqlDbType.Uuid);
            w.Write(p.EpisodeId, NpgsqlDbType.Uuid);
            w.Write(p.PatientId, NpgsqlDbType.Uuid);
            w.Write(p.Number, NpgsqlDbType.Integer);
            Nullable(w, p.ReplacesId, NpgsqlDbType.Uuid);
            Text(w, "Signed");
            w.Write(p.ContentJson, NpgsqlDbType.Jsonb);
            w.Write(p.CreatedAt, NpgsqlDbType.TimestampTz);
            w.Write(p.SignedAt, NpgsqlDbType.TimestampTz);
            w.Write(p.SignedAt, NpgsqlDbType.TimestampTz);
            w.Write(p.CertifiedOn, NpgsqlDbType.Date);
            w.Write(p.RecertificationDueOn, NpgsqlDbType.Date);
            for (var i = 0; i < 3; i++)
            {
                Text(w, p.By.FullName);
                w.Write(p.By.Id, NpgsqlDbType.Uuid);
            }
        }, ct);

        await Copy("visit_treatments", ["id", "clinic_id", "visit_id", "episode_id", "patient_id", "last_edited_at", "frozen_at", "last_edited_by_name", "last_edited_by_user_id"],
            b.Treatments, (w, t) =>
        {
            w.Write(t.Id, NpgsqlDbType.Uuid);
            w.Write(t.ClinicId, NpgsqlDbType.Uuid);
            w.Write(t.VisitId, NpgsqlDbType.Uuid);
            w.Write(t.EpisodeId, NpgsqlDbType.Uuid);
            w.Write(t.PatientId, NpgsqlDbType.Uuid);
            w.Write(t.LastEditedAt, NpgsqlDbType.TimestampTz);
            Nullable(w, t.FrozenAt, NpgsqlDbType.TimestampTz);
            Text(w, t.By.FullName);
            w.Write(t.By.Id, NpgsqlDbType.Uuid);
        }, ct);

        await Copy("performed_interventions", ["id", "clinic_id", "treatment_id", "intervention_code", "name", "billing", "cpt_code", "minutes", "notes", "performed_at"],
            b.Performed, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.ClinicId, NpgsqlDbType.Uuid);
            w.Write(p.TreatmentId, NpgsqlDbType.Uuid);
            Text(w, p.Code);
            Text(w, p.Name);
            Text(w, p.Billing);
            Text(w, p.CptCode);
            w.Write(p.Minutes, NpgsqlDbType.Integer);
            Text(w, p.Notes);
            w.Write(p.PerformedAt, NpgsqlDbType.TimestampTz);
        }, ct);

        await Copy("dry_needling_procedures", ["id", "clinic_id", "treatment_id", "sites", "needle_count", "needle_gauge_mm", "needle_length_mm", "lot_number", "technique",
            "immediate_response", "adverse_events", "performed_at", "performed_by_name", "performed_by_user_id"], b.Needling, (w, n) =>
        {
            w.Write(n.Id, NpgsqlDbType.Uuid);
            w.Write(n.ClinicId, NpgsqlDbType.Uuid);
            w.Write(n.TreatmentId, NpgsqlDbType.Uuid);
            w.Write(n.SitesJson, NpgsqlDbType.Jsonb);
            w.Write(n.NeedleCount, NpgsqlDbType.Integer);
            w.Write(n.GaugeMm, NpgsqlDbType.Numeric);
            w.Write(n.LengthMm, NpgsqlDbType.Integer);
            Text(w, n.LotNumber);
            Text(w, n.Technique);
            Text(w, n.ImmediateResponse);
            w.Write(n.AdverseEventsJson, NpgsqlDbType.Jsonb);
            w.Write(n.PerformedAt, NpgsqlDbType.TimestampTz);
            Text(w, n.By.FullName);
            w.Write(n.By.Id, NpgsqlDbType.Uuid);
        }, ct);

        await Copy("knot_sites", ["id", "clinic_id", "patient_id", "muscle_code", "side", "zone", "state", "flags", "assessments", "recurrence_count", "present_in_a_row",
            "first_seen_on", "last_assessed_on", "present_since", "last_resolved_on", "days_present", "days_to_last_recurrence", "latest_tenderness", "trend_change", "updated_at"],
            b.KnotSites, (w, row) =>
        {
            var s = row.Site;
            w.Write(row.Id, NpgsqlDbType.Uuid);
            w.Write(s.ClinicId, NpgsqlDbType.Uuid);
            w.Write(s.PatientId, NpgsqlDbType.Uuid);
            Text(w, s.MuscleCode);
            Text(w, s.Side.ToString());
            Text(w, s.Zone.ToString());
            Text(w, s.State.ToString());
            w.Write((int)s.Flags, NpgsqlDbType.Integer);
            w.Write(s.Assessments, NpgsqlDbType.Integer);
            w.Write(s.RecurrenceCount, NpgsqlDbType.Integer);
            w.Write(s.PresentInARow, NpgsqlDbType.Integer);
            w.Write(s.FirstSeenOn, NpgsqlDbType.Date);
            w.Write(s.LastAssessedOn, NpgsqlDbType.Date);
            Nullable(w, s.PresentSince, NpgsqlDbType.Date);
            Nullable(w, s.LastResolvedOn, NpgsqlDbType.Date);
            w.Write(s.DaysPresent, NpgsqlDbType.Integer);
            Nullable(w, s.DaysToLastRecurrence, NpgsqlDbType.Integer);
            Nullable(w, s.LatestTenderness, NpgsqlDbType.Integer);
            w.Write(s.TrendChange, NpgsqlDbType.Integer);
            w.Write(s.UpdatedAt, NpgsqlDbType.TimestampTz);
        }, ct);

        static void Text(NpgsqlBinaryImporter w, string? value)
        {
            if (value is null)
            {
                w.WriteNull();
            }
            else
            {
                w.Write(value, NpgsqlDbType.Varchar);
            }
        }

        static void Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
            where T : struct
        {
            if (value is { } v)
            {
                w.Write(v, type);
            }
            else
            {
                w.WriteNull();
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

    private async Task Copy<T>(string table, string[] columns, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        if (!_checked.ContainsKey(table))
        {
            await EnsureColumnsCoveredAsync(connection, table, columns, ct);
            _checked[table] = true;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (rows.Count > 0)
        {
            // Synchronous writes: far less work per value than the async ones, on a thread of its own.
            using var writer = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                writer.StartRow();
                write(writer, row);
            }

            writer.Complete();
        }

        counts.Add(table, rows.Count);
        _times[table] = _times.GetValueOrDefault(table) + System.Diagnostics.Stopwatch.GetElapsedTime(started);
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
                $"The {table} table has required columns the generator does not fill: {string.Join(", ", missing)}. Add them to src/PtClinic.Infrastructure/Seeding/Synthetic/CopyWriter.cs.");
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
