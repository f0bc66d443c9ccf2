using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.Benchmarks;

/// <summary>
/// The charts knot-state and today-flags read, added to a seeded bench database (clinics 2 to 5;
/// clinic 1 is note-save's, which clears its visits): one patient with 500 signed visits over 25
/// episodes palpating 20 sites, a therapist's day of 20 visits whose patients each track 20 sites,
/// and a few thousand patients with shorter histories around them, so the indexes have others'
/// rows to skip. Loaded as the tables' owner with binary COPY: the assessments unsigned, then their
/// knots and absences (the freeze triggers refuse rows under a frozen assessment), then the
/// assessments of signed notes frozen with one UPDATE, which the triggers allow while frozen_at is
/// still null. No trigger is disabled.
/// </summary>
internal sealed class KnotData
{
    public const int LongHistoryVisits = 500;
    public const int LongHistoryEpisodes = 25;
    public const int SitesPerPatient = 20;
    public const int TodayVisits = 20;
    public const int BackgroundPerClinic = 750;
    public const string TimeZone = "Europe/London";
    private const int Seed = 20261201;

    /// <summary>Clinic 2: clinic 1 is note-save's (it deletes that clinic's visits before it runs).</summary>
    private const int KnotClinic = 1;

    /// <summary>The first patient on the day's list (P000002 to P000021).</summary>
    private const string TodayPatientsFrom = "P000002";
    private const string LongHistoryMrn = "P000001";

    public required Guid ClinicId { get; init; }

    public required Guid LongHistoryPatientId { get; init; }

    public required Guid TodayTherapistId { get; init; }

    public required DateOnly Today { get; init; }

    public required long Patients { get; init; }

    public required long SignedVisits { get; init; }

    public required long Findings { get; init; }

    public required long Absences { get; init; }

    public required long Sites { get; init; }

    public required long FlaggedSites { get; init; }

    public TimeSpan SeedTime { get; private init; }

    public bool Reused { get; private init; }

    /// <summary>Seeds the knot charts once per database; with --reuse a database that has them keeps them.</summary>
    public static async Task<KnotData> EnsureAsync(BenchDatabase database, CancellationToken ct)
    {
        if (database.PatientsPerClinic < BackgroundPerClinic + 21)
        {
            throw new BenchFailure($"knot data needs at least {BackgroundPerClinic + 21} patients per clinic.");
        }

        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(ct);
        var reused = await ReadAsync(database, connection, ct);
        if (reused is not null)
        {
            return reused.With(reused: true, TimeSpan.Zero);
        }

        await LoadAsync(database, connection, ct);
        var loaded = await ReadAsync(database, connection, ct) ?? throw new BenchFailure("knot data: the load left no long history.");
        return loaded.With(reused: false, Stopwatch.GetElapsedTime(started));
    }

    private KnotData With(bool reused, TimeSpan seedTime) => new()
    {
        ClinicId = ClinicId,
        LongHistoryPatientId = LongHistoryPatientId,
        TodayTherapistId = TodayTherapistId,
        Today = Today,
        Patients = Patients,
        SignedVisits = SignedVisits,
        Findings = Findings,
        Absences = Absences,
        Sites = Sites,
        FlaggedSites = FlaggedSites,
        Reused = reused,
        SeedTime = seedTime,
    };

    /// <summary>What the benchmarks need to know of a loaded database; null when the knot charts are not there.</summary>
    private static async Task<KnotData?> ReadAsync(BenchDatabase database, NpgsqlConnection connection, CancellationToken ct)
    {
        var clinicId = database.ClinicIds[KnotClinic];
        await using var command = new NpgsqlCommand(
            """
            SELECT p.id,
                   (SELECT count(*) FROM visit_assessments a WHERE a.patient_id = p.id AND a.frozen_at IS NOT NULL),
                   (SELECT v.therapist_id FROM visits v JOIN patients t ON t.id = v.patient_id
                    WHERE t.clinic_id = @clinic AND t.mrn = @today ORDER BY v.starts_at DESC LIMIT 1),
                   (SELECT max(v.starts_at) FROM visits v JOIN patients t ON t.id = v.patient_id
                    WHERE t.clinic_id = @clinic AND t.mrn = @today),
                   (SELECT count(DISTINCT patient_id) FROM visits),
                   (SELECT count(*) FROM visit_assessments WHERE frozen_at IS NOT NULL),
                   (SELECT count(*) FROM knot_findings),
                   (SELECT count(*) FROM knot_absences),
                   (SELECT count(*) FROM knot_sites),
                   (SELECT count(*) FROM knot_sites WHERE flags <> 0)
            FROM patients p
            WHERE p.clinic_id = @clinic AND p.mrn = @long
            """, connection);
        command.Parameters.AddWithValue("clinic", clinicId);
        command.Parameters.AddWithValue("today", TodayPatientsFrom);
        command.Parameters.AddWithValue("long", LongHistoryMrn);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetInt64(1) != LongHistoryVisits || reader.IsDBNull(2))
        {
            return null;
        }

        return new KnotData
        {
            ClinicId = clinicId,
            LongHistoryPatientId = reader.GetGuid(0),
            TodayTherapistId = reader.GetGuid(2),
            Today = ClinicCalendar.For(TimeZone).DateOf(reader.GetFieldValue<DateTimeOffset>(3)),
            Patients = reader.GetInt64(4),
            SignedVisits = reader.GetInt64(5),
            Findings = reader.GetInt64(6),
            Absences = reader.GetInt64(7),
            Sites = reader.GetInt64(8),
            FlaggedSites = reader.GetInt64(9),
        };
    }

    private static async Task LoadAsync(BenchDatabase database, NpgsqlConnection connection, CancellationToken ct)
    {
        var calendar = ClinicCalendar.For(TimeZone);
        var today = calendar.DateOf(DateTimeOffset.UtcNow);
        var histories = new KnotHistories(Seed, calendar);
        var therapists = database.ClinicIds.ToDictionary(c => c, _ => Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7()).ToArray());

        var knotClinic = database.ClinicIds[KnotClinic];
        var patients = await PatientsAsync(connection, ct);
        var mine = therapists[knotClinic][0];

        // The long history: 25 episodes of 20 visits, the last one still open with a checked-in
        // draft that already charts knots (the history must leave it out).
        var longPatient = patients[(knotClinic, LongHistoryMrn)];
        histories.History(
            knotClinic, longPatient, therapists[knotClinic], histories.PickSites(SitesPerPatient),
            [.. Enumerable.Repeat(LongHistoryVisits / LongHistoryEpisodes, LongHistoryEpisodes - 1), LongHistoryVisits / LongHistoryEpisodes + 1],
            today, lastOpen: true, draftAtEnd: true);

        // The day: 20 patients on the same therapist's list, half-hourly from 8:00, each with a
        // discharged and an open episode tracking 20 sites. The morning's visits are signed, the
        // next ones checked in with a draft, the afternoon still scheduled.
        var day = new List<(EpisodeRow Episode, KnotHistories.Courses Knots)>();
        foreach (var mrn in Enumerable.Range(2, TodayVisits).Select(PatientGenerator.Mrn))
        {
            day.Add(histories.History(
                knotClinic, patients[(knotClinic, mrn)], therapists[knotClinic], histories.PickSites(SitesPerPatient),
                [histories.Int(8, 16), histories.Int(6, 12)], today, lastOpen: true, draftAtEnd: false));
        }

        for (var i = 0; i < day.Count; i++)
        {
            var status = i < 6 ? VisitStatus.Completed : i < 10 ? VisitStatus.CheckedIn : VisitStatus.Scheduled;
            histories.VisitToday(day[i].Episode, day[i].Knots, mine, calendar.ToInstant(today, new TimeOnly(8, 0).AddMinutes(30 * i)), status);
        }

        // Everyone else: shorter histories in the four clinics, some still in treatment with a draft.
        foreach (var clinicId in database.ClinicIds.Skip(KnotClinic))
        {
            var first = clinicId == knotClinic ? 22 : 1;
            for (var n = first; n < first + BackgroundPerClinic; n++)
            {
                var episodes = Enumerable.Range(0, histories.Int(1, 3)).Select(_ => histories.Int(3, 14)).ToArray();
                var open = histories.Int(0, 3) == 0;
                histories.History(
                    clinicId, patients[(clinicId, PatientGenerator.Mrn(n))], therapists[clinicId], histories.PickSites(histories.Int(2, 8)),
                    episodes, today.AddDays(-histories.Int(1, 400)), lastOpen: open, draftAtEnd: open && histories.Int(0, 4) == 0);
            }
        }

        await CopyAsync(connection, histories, ct);
        await BenchDatabase.ExecuteAsync(connection,
            """
            UPDATE visit_assessments a SET frozen_at = n.signed_at
            FROM visit_notes n
            WHERE n.visit_id = a.visit_id AND n.status = 'Signed' AND a.frozen_at IS NULL
            """, ct);
        foreach (var table in new[] { "episodes", "visits", "visit_notes", "visit_assessments", "knot_findings", "knot_absences", "knot_sites" })
        {
            await BenchDatabase.ExecuteAsync(connection, $"VACUUM (ANALYZE) {table}", ct);
        }
    }

    private static async Task<Dictionary<(Guid Clinic, string Mrn), Guid>> PatientsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT clinic_id, mrn, id FROM patients WHERE mrn <= @last", connection);
        command.Parameters.AddWithValue("last", PatientGenerator.Mrn(BackgroundPerClinic + 21));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new Dictionary<(Guid, string), Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids[(reader.GetGuid(0), reader.GetString(1))] = reader.GetGuid(2);
        }

        return ids;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, KnotHistories h, CancellationToken ct)
    {
        const string loader = "KnotData.CopyAsync in bench/PtClinic.Benchmarks/KnotData.cs";
        await BenchDatabase.ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'", ct);

        // Rows in the order a clinic charts them, visit after visit across all patients: a long
        // history's rows lie scattered over the table as they would after years of use, not packed
        // together as one patient's generation would leave them.
        var charts = h.Charts.OrderBy(c => c.VisitStartsAt).ToList();

        await Copy("episodes", ["id", "clinic_id", "patient_id", "chief_complaint", "region", "side", "onset_date", "therapist_id", "status", "discharge_reason", "opened_at", "discharged_at"],
            [.. h.Episodes.OrderBy(e => e.OpenedAt)], async (w, e) =>
            {
                await w.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(e.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(e.PatientId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(e.Complaint, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.Region.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.Side.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.OnsetDate, NpgsqlDbType.Date, ct);
                await w.WriteAsync(e.TherapistId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(e.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await BenchDatabase.WriteNullableAsync(w, e.DischargedAt is null ? null : nameof(DischargeReason.GoalsMet), ct);
                await w.WriteAsync(e.OpenedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, e.DischargedAt, ct);
            });

        await Copy("visits", ["id", "clinic_id", "patient_id", "episode_id", "therapist_id", "starts_at", "duration_minutes", "type", "status", "checked_in_at"],
            [.. h.Visits.OrderBy(v => v.StartsAt)], async (w, v) =>
            {
                await w.WriteAsync(v.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(v.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(v.PatientId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(v.EpisodeId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(v.TherapistId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(v.StartsAt, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(45, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.Type.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(v.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(w, v.Status == VisitStatus.Scheduled ? null : (DateTimeOffset?)v.StartsAt.AddMinutes(-5), ct);
            });

        // The note and the assessment of every charted visit; a signed note's assessment is frozen after the knots are in.
        await Copy("visit_notes", ["id", "clinic_id", "visit_id", "subjective", "objective", "assessment", "plan", "status", "last_edited_at", "signed_at", "last_edited_by_name", "last_edited_by_user_id", "signed_by_name", "signed_by_user_id"],
            charts, async (w, c) =>
            {
                await w.WriteAsync(c.NoteId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.VisitId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync("Posterior thigh tightness, better than last visit.", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("Palpation of the tracked knot sites; ASLR L 65, R 80.", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("Myofascial component settling with load management.", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("Soft-tissue work, eccentric loading, review in a week.", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.SignedAt is null ? nameof(NoteStatus.Draft) : nameof(NoteStatus.Signed), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.SignedAt ?? c.VisitStartsAt.AddMinutes(40), NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, c.SignedAt, ct);
                await w.WriteAsync("Bench Therapist", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.TherapistId, NpgsqlDbType.Uuid, ct);
                await BenchDatabase.WriteNullableAsync(w, c.SignedAt is null ? null : "Bench Therapist", ct);
                if (c.SignedAt is null)
                {
                    await w.WriteNullAsync(ct);
                }
                else
                {
                    await w.WriteAsync(c.TherapistId, NpgsqlDbType.Uuid, ct);
                }
            });

        await Copy("visit_assessments", ["id", "clinic_id", "visit_id", "episode_id", "patient_id", "findings", "last_edited_at", "last_edited_by_name", "last_edited_by_user_id", "visit_starts_at"],
            charts, async (w, c) =>
            {
                await w.WriteAsync(c.AssessmentId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.VisitId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.EpisodeId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.PatientId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.FindingsJson, NpgsqlDbType.Jsonb, ct);
                await w.WriteAsync(c.VisitStartsAt.AddMinutes(40), NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync("Bench Therapist", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.TherapistId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.VisitStartsAt, NpgsqlDbType.TimestampTz, ct);
            });

        await Copy("knot_findings", ["id", "clinic_id", "assessment_id", "muscle_code", "side", "zone", "tenderness", "size_mm", "is_active", "local_twitch_response", "referred_pain", "patient_id", "visit_starts_at"],
            [.. h.Findings.OrderBy(f => f.VisitStartsAt)], async (w, f) =>
            {
                await w.WriteAsync(f.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(f.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(f.AssessmentId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(f.Site.MuscleCode, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(f.Site.Side.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(f.Site.Zone.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(f.Tenderness, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(w, f.SizeMm, ct);
                await w.WriteAsync(f.IsActive, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(f.ReferredPain, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await w.WriteAsync(f.PatientId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(f.VisitStartsAt, NpgsqlDbType.TimestampTz, ct);
            });

        await Copy("knot_absences", ["id", "clinic_id", "assessment_id", "patient_id", "visit_starts_at", "muscle_code", "side", "zone"],
            [.. h.Absences.OrderBy(a => a.VisitStartsAt)], async (w, a) =>
            {
                await w.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(a.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(a.AssessmentId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(a.PatientId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(a.VisitStartsAt, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(a.Site.MuscleCode, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.Site.Side.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.Site.Zone.ToString(), NpgsqlDbType.Varchar, ct);
            });

        await Copy("knot_sites", ["id", "clinic_id", "patient_id", "muscle_code", "side", "zone", "state", "flags", "assessments", "recurrence_count", "present_in_a_row", "first_seen_on", "last_assessed_on", "present_since", "last_resolved_on", "days_present", "days_to_last_recurrence", "latest_tenderness", "trend_change", "updated_at"],
            [.. h.Sites], async (w, s) =>
            {
                await w.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.ClinicId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.PatientId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.MuscleCode, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Side.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Zone.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.State.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((int)s.Flags, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.Assessments, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.RecurrenceCount, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.PresentInARow, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.FirstSeenOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(s.LastAssessedOn, NpgsqlDbType.Date, ct);
                await WriteNullableAsync(w, s.PresentSince, ct);
                await WriteNullableAsync(w, s.LastResolvedOn, ct);
                await w.WriteAsync(s.DaysPresent, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(w, s.DaysToLastRecurrence, ct);
                await WriteNullableAsync(w, s.LatestTenderness, ct);
                await w.WriteAsync(s.TrendChange, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            });

        async Task Copy<T>(string table, string[] columns, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
        {
            await BenchDatabase.EnsureColumnsCoveredAsync(connection, table, columns, loader, ct);
            await BenchDatabase.WithoutSecondaryIndexesAsync(connection, table, async () =>
            {
                await using var writer = await connection.BeginBinaryImportAsync(
                    $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
                foreach (var row in rows)
                {
                    await writer.StartRowAsync(ct);
                    await write(writer, row);
                }

                await writer.CompleteAsync(ct);
            }, ct);
        }
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, CancellationToken ct)
        where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, ct);
        }
        else
        {
            await writer.WriteNullAsync(ct);
        }
    }
}
