using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Benchmarks;

/// <summary>
/// note-save: eight therapists autosave their own visit's draft at once, each save passing the Version
/// the previous one returned, through the command pipeline (validation, concurrency check, save)
/// against the same statements sent raw from eight pooled connections: the SELECT, then the audit row's
/// INSERT and the UPDATE in one batch. All eight are in one clinic, so their audit rows take
/// turns on the clinic's chain, in ours and in the floor alike.
/// </summary>
internal sealed class NoteSaveBench(BenchDatabase database, BenchOptions options, TextWriter log)
{
    public const int WriterCount = 8;

    /// <summary>Four SOAP sections of 512 characters: a 2 KB draft, all of it sent and written each save.</summary>
    public const int SectionLength = 512;


    public async Task<NoteSaveResult> RunAsync(CancellationToken ct)
    {
        var writers = await SetUpAsync(ct);

        // The first save, with Version null, creates the note (the editor's first pause in typing).
        foreach (var writer in writers)
        {
            await OursAsync(writer, ct);
        }

        // The floor must send what the handler sends: compare one save of each, statement by statement.
        IReadOnlyList<SqlStatement> oursSql;
        using (var capture = await EfSqlCapture.StartAsync(ct))
        {
            await OursAsync(writers[0], ct);
            oursSql = capture.Statements;
        }

        var floorSql = new List<SqlStatement>();
        string? difference;
        try
        {
            await FloorAsync(writers[0], floorSql, ct);
            difference = FloorTrace.Compare(oursSql, floorSql, compareValues: false);
        }
        catch (PostgresException ex)
        {
            difference = $"The floor failed: {ex.MessageText}{Environment.NewLine}" + FloorTrace.Compare(oursSql, floorSql, compareValues: false);
        }

        if (difference is not null)
        {
            throw new BenchFailure(
                "note-save: the floor no longer sends what SaveNoteDraftHandler sends; update FloorAsync in " +
                "bench/PtClinic.Benchmarks/NoteSaveBench.cs." + Environment.NewLine + difference);
        }

        var result = new NoteSaveResult(oursSql);
        GC.Collect();
        await RoundAsync(OursAsync, writers, options.NoteWarmup, ct);
        await RoundAsync(FloorAsync, writers, options.NoteWarmup, ct);
        for (var round = 0; round < options.NoteRounds; round++)
        {
            // Alternate who goes first, as in patient-search.
            var oursFirst = round % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                if ((side == 0) == oursFirst)
                {
                    var r = await RoundAsync(OursAsync, writers, options.NoteRound, ct);
                    result.OursPerSecond.Add(r.PerSecond);
                    result.OursLatency.AddRange(r.Latency);
                }
                else
                {
                    var r = await RoundAsync(FloorAsync, writers, options.NoteRound, ct);
                    result.FloorPerSecond.Add(r.PerSecond);
                    result.FloorLatency.AddRange(r.Latency);
                }
            }
        }

        // One writer alone: the cost of a save without eight of them competing for two cores.
        for (var round = 0; round < 2; round++)
        {
            var alone = await RoundAsync(OursAsync, writers.Take(1).ToArray(), options.NoteRound, ct);
            var floorAlone = await RoundAsync(FloorAsync, writers.Take(1).ToArray(), options.NoteRound, ct);
            if (round == 1)
            {
                result.OursAlone = alone.Latency;
                result.FloorAlone = floorAlone.Latency;
            }
        }

        log.WriteLine(
            $"  ours  {Format.PerSecond(result.OursPerSecond.Median)} (rounds {string.Join(" ", result.OursPerSecond.Values.Select(Format.PerSecond))}), save p50 {Format.Ms(result.OursLatency.Median)} p95 {Format.Ms(result.OursLatency.P95)}");
        log.WriteLine(
            $"  floor {Format.PerSecond(result.FloorPerSecond.Median)} (rounds {string.Join(" ", result.FloorPerSecond.Values.Select(Format.PerSecond))}), save p50 {Format.Ms(result.FloorLatency.Median)} p95 {Format.Ms(result.FloorLatency.P95)}");
        log.WriteLine(
            $"  one writer alone: ours {Format.Ms(result.OursAlone.Median)}, floor {Format.Ms(result.FloorAlone.Median)} per save (median)");
        return result;
    }

    private async Task OursAsync(Writer writer, CancellationToken ct)
    {
        var (s, o, a, p) = writer.NextDraft();
        var result = await Staff.SendAsync(
            database.Services, writer.User, new SaveNoteDraftCommand(writer.VisitId, writer.Version, s, o, a, p), ct);
        if (!result.IsSuccess)
        {
            throw new BenchFailure($"note-save through the pipeline failed: {result.Error.Kind}: {result.Error.Message}");
        }

        writer.Version = result.Value.Version;
    }

    /// <summary>
    /// The floor: what SaveNoteDraftHandler sends for a save of an existing draft, written out by hand
    /// (the Version changes every save, so a capture cannot simply be replayed) and checked against EF
    /// Core's own statements before timing. The visit and note rows are read in full, as EF Core
    /// materializes them; the checks are the charting rule's (note not signed, episode not
    /// discharged, patient checked in, the writer is the visit's therapist or its cover).
    /// </summary>
    private async Task FloorAsync(Writer writer, List<SqlStatement>? trace, CancellationToken ct)
    {
        var (s, o, a, p) = writer.NextDraft();
        await using var connection = await database.Raw.OpenConnectionAsync(ct);

        Guid noteId;
        Guid patientId;
        await using (var select = new NpgsqlCommand(FloorSql.SelectVisitWithNote, connection))
        {
            select.Parameters.Add(new NpgsqlParameter(FloorSql.ClinicParameter, NpgsqlDbType.Uuid) { Value = writer.ClinicId });
            select.Parameters.Add(new NpgsqlParameter(FloorSql.VisitParameter, NpgsqlDbType.Uuid) { Value = writer.VisitId });
            FloorTrace.Record(trace, select, SqlStepKind.Reader);
            await using var reader = await select.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new BenchFailure("note-save floor: the visit is gone.");
            }

            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            if (row[FloorSql.NoteIdColumn] is not Guid id)
            {
                throw new BenchFailure("note-save floor: the note is gone.");
            }

            noteId = id;
            patientId = (Guid)row[FloorSql.PatientColumn];
            var treating = (Guid)row[FloorSql.TherapistColumn] == writer.TherapistId
                || row[FloorSql.CoveringTherapistColumn] is Guid cover && cover == writer.TherapistId;
            if ((string)row[FloorSql.NoteStatusColumn] == nameof(NoteStatus.Signed)
                || (string)row[FloorSql.EpisodeStatusColumn] == nameof(EpisodeStatus.Discharged)
                || (string)row[FloorSql.VisitStatusColumn] is not (nameof(VisitStatus.CheckedIn) or nameof(VisitStatus.Completed))
                || !treating)
            {
                throw new BenchFailure("note-save floor: the note can no longer be edited.");
            }
        }

        // The audit row and the update in one batch (one implicit transaction), as EF Core sends them.
        await using (var save = new NpgsqlCommand(FloorSql.AuditAndUpdateNote, connection))
        {
            // In EF Core's order: the audit row's columns, then the note's key, new values and expected version.
            save.Parameters.Add(new NpgsqlParameter("p0", NpgsqlDbType.Varchar) { Value = DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter("p1", NpgsqlDbType.Varchar) { Value = "update" });
            save.Parameters.Add(new NpgsqlParameter("p2", NpgsqlDbType.Uuid) { Value = writer.TherapistId });
            save.Parameters.Add(new NpgsqlParameter("p3", NpgsqlDbType.Varchar) { Value = StaffRoles.Therapist });
            save.Parameters.Add(new NpgsqlParameter("p4", NpgsqlDbType.Varchar) { Value = DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter("p5", NpgsqlDbType.Uuid) { Value = writer.ClinicId });
            save.Parameters.Add(new NpgsqlParameter("p6", NpgsqlDbType.Uuid) { Value = writer.VisitId });
            save.Parameters.Add(new NpgsqlParameter("p7", NpgsqlDbType.Varchar) { Value = "Visit" });
            save.Parameters.Add(new NpgsqlParameter("p8", NpgsqlDbType.Varchar) { Value = nameof(SaveNoteDraftCommand) });
            save.Parameters.Add(new NpgsqlParameter("p9", NpgsqlDbType.Varchar) { Value = "success" });
            save.Parameters.Add(new NpgsqlParameter("p10", NpgsqlDbType.Uuid) { Value = patientId });
            save.Parameters.Add(new NpgsqlParameter("p16", NpgsqlDbType.Uuid) { Value = noteId });
            save.Parameters.Add(new NpgsqlParameter("p11", NpgsqlDbType.Varchar) { Value = a });
            save.Parameters.Add(new NpgsqlParameter("p12", NpgsqlDbType.TimestampTz) { Value = DateTimeOffset.UtcNow });
            save.Parameters.Add(new NpgsqlParameter("p13", NpgsqlDbType.Varchar) { Value = o });
            save.Parameters.Add(new NpgsqlParameter("p14", NpgsqlDbType.Varchar) { Value = p });
            save.Parameters.Add(new NpgsqlParameter("p15", NpgsqlDbType.Varchar) { Value = s });
            save.Parameters.Add(new NpgsqlParameter("p17", NpgsqlDbType.Xid) { Value = writer.Version!.Value });
            FloorTrace.Record(trace, save, SqlStepKind.Reader);
            await using var reader = await save.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || !await reader.NextResultAsync(ct) || !await reader.ReadAsync(ct))
            {
                throw new BenchFailure("note-save floor: conflict (the version chain broke).");
            }

            writer.Version = reader.GetFieldValue<uint>(0);
        }
    }

    private static async Task<Round> RoundAsync(
        Func<Writer, CancellationToken, Task> save, IReadOnlyList<Writer> writers, TimeSpan duration, CancellationToken ct)
    {
        var latencies = writers.Select(_ => new Samples()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = writers.Select((writer, i) => Task.Run(
            async () =>
            {
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    var started = Stopwatch.GetTimestamp();
                    await save(writer, ct);
                    latencies[i].Add(Samples.Since(started));
                }
            },
            ct)).ToArray();
        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = new Samples();
        foreach (var l in latencies)
        {
            all.AddRange(l);
        }

        return new Round(all.Count / seconds, all);
    }

    private Task FloorAsync(Writer writer, CancellationToken ct) => FloorAsync(writer, null, ct);

    /// <summary>Per writer: a therapist, a patient, an open episode and a checked-in visit, made with the domain's factories.</summary>
    private async Task<IReadOnlyList<Writer>> SetUpAsync(CancellationToken ct)
    {
        var clinicId = database.ClinicIds[0];
        var firstMrn = database.PatientsPerClinic + 1;
        await RemoveEarlierWritersAsync(clinicId, PatientGenerator.Mrn(database.PatientsPerClinic), ct);

        var writers = new List<Writer>();
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var names = new PatientGenerator(777, now);
        for (var i = 0; i < WriterCount; i++)
        {
            var therapistId = Guid.CreateVersion7(now);
            var person = names.Next(firstMrn + i);
            var patient = Patient.Register(clinicId, person.Mrn, person.GivenName, person.FamilyName, person.DateOfBirth, person.Sex, now, DateOnly.FromDateTime(now.UtcDateTime));
            var episode = EpisodeOfCare.Open(
                clinicId, patient.Id, "Low back pain after lifting, radiating to the left thigh", BodyRegion.LowerBack,
                BodySide.Left, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-20), "GP referral", therapistId, now, DateOnly.FromDateTime(now.UtcDateTime));
            var visit = Visit.Schedule(episode, therapistId, now.AddMinutes(-5), 45, VisitType.FollowUp, now);
            visit.CheckIn(episode, now);
            db.AddRange(patient, episode, visit);

            var name = $"Bench Therapist {i + 1}";
            writers.Add(new Writer(clinicId, visit.Id, therapistId, Staff.Member(clinicId, therapistId, name, StaffRoles.Therapist), i));
        }

        await db.SaveChangesAsync(ct);
        return writers;
    }

    /// <summary>With --reuse the database keeps earlier runs' writers: remove them, their MRNs are taken again.</summary>
    private async Task RemoveEarlierWritersAsync(Guid clinicId, string lastSeededMrn, CancellationToken ct)
    {
        await using var batch = database.Raw.CreateBatch();
        foreach (var sql in new[]
                 {
                     "DELETE FROM visit_notes WHERE clinic_id = $1",
                     "DELETE FROM visits WHERE clinic_id = $1",
                     "DELETE FROM episodes WHERE clinic_id = $1",
                     "DELETE FROM patients WHERE clinic_id = $1 AND mrn > $2",
                 })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = clinicId });
            if (sql.Contains("$2", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = lastSeededMrn });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One round: saves per second and each save's latency.</summary>
    private sealed record Round(double PerSecond, Samples Latency);

    private sealed class Writer(Guid clinicId, Guid visitId, Guid therapistId, ClaimsPrincipal user, int number)
    {
        private static readonly string[] Seeds =
        [
            "Pt reports LBP 6/10 NPRS after lifting boxes at work, worse with prolonged sitting, eases with walking. Sleep disturbed 2 nights/week. No red flags: no saddle anaesthesia, no bladder or bowel change. ",
            "AROM lumbar flexion 60% with pain at end range, extension full, pain-free. SLR L 55 deg, R 75 deg. Trigger points: L QL and L gluteus medius, reproducing familiar pain. Neuro screen normal. ",
            "Mechanical LBP with myofascial component, L QL and glute med. Improving: NPRS 8 -> 6 over 3 visits. Irritability moderate. Prognosis good if load managed at work. ",
            "Dry needling L QL and glute med, 2 points each. Hip hinge drills, bird-dog 3x10, walking 20 min daily. Review lifting technique at work. Next visit in 1 week, reassess LEFS. ",
        ];

        private int _saves;

        public Guid ClinicId { get; } = clinicId;

        public Guid VisitId { get; } = visitId;

        public Guid TherapistId { get; } = therapistId;

        public ClaimsPrincipal User { get; } = user;

        /// <summary>The version the editor holds: null until the first save, then the last save's.</summary>
        public uint? Version { get; set; }

        /// <summary>The draft as it stands at the next pause in typing: every section grew a little.</summary>
        public (string S, string O, string A, string P) NextDraft()
        {
            var stamp = $" [{number}:{++_saves:D9}]";
            return (Section(Seeds[0], stamp), Section(Seeds[1], stamp), Section(Seeds[2], stamp), Section(Seeds[3], stamp));
        }

        private static string Section(string seed, string stamp)
        {
            var body = string.Concat(Enumerable.Repeat(seed, SectionLength / seed.Length + 1));
            return string.Concat(body.AsSpan(0, SectionLength - stamp.Length), stamp);
        }
    }
}

internal sealed class NoteSaveResult(IReadOnlyList<SqlStatement> oursSql)
{
    /// <summary>What SaveNoteDraftHandler sent for one save, which the floor matches.</summary>
    public IReadOnlyList<SqlStatement> Sql { get; } = oursSql;

    public RoundRates OursPerSecond { get; } = new();

    public RoundRates FloorPerSecond { get; } = new();

    public Samples OursLatency { get; } = new();

    public Samples FloorLatency { get; } = new();

    /// <summary>One writer saving alone (the second of two rounds, the first warms up): each save's latency.</summary>
    public Samples OursAlone { get; set; } = new();

    public Samples FloorAlone { get; set; } = new();

    internal sealed class RoundRates
    {
        private readonly List<double> _values = [];

        public IReadOnlyList<double> Values => _values;

        public void Add(double perSecond) => _values.Add(perSecond);

        public double Median
        {
            get
            {
                var sorted = _values.Order().ToArray();
                return sorted.Length % 2 == 1
                    ? sorted[sorted.Length / 2]
                    : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }
        }
    }
}

/// <summary>The SQL SaveNoteDraftHandler sends for a draft that exists, as EF Core 10 writes it.</summary>
internal static class FloorSql
{
    public const string ClinicParameter = "ef_filter__CurrentClinicId";
    public const string VisitParameter = "visitId";

    /// <summary>Indexes of the columns the charting rule reads in <see cref="SelectVisitWithNote"/>.</summary>
    public const int CoveringTherapistColumn = 4;
    public const int PatientColumn = 7;
    public const int VisitStatusColumn = 9;
    public const int TherapistColumn = 10;
    public const int NoteIdColumn = 13;
    public const int NoteStatusColumn = 20;
    public const int EpisodeStatusColumn = 28;

    /// <summary>The visit, its note and its episode's status in one statement, each table filtered to the clinic.</summary>
    public const string SelectVisitWithNote = """
        SELECT v.id, v.cancellation_reason, v.checked_in_at, v.clinic_id, v.covering_therapist_id, v.duration_minutes, v.episode_id, v.patient_id, v.starts_at, v.status, v.therapist_id, v.type, v.xmin, v1.id, v1.assessment, v1.clinic_id, v1.last_edited_at, v1.objective, v1.plan, v1.signed_at, v1.status, v1.subjective, v1.xmin, v1.visit_id, v1.last_edited_by_name, v1.last_edited_by_user_id, v1.signed_by_name, v1.signed_by_user_id, e0.status
        FROM visits AS v
        INNER JOIN (
            SELECT e.id, e.status
            FROM episodes AS e
            WHERE e.clinic_id = @ef_filter__CurrentClinicId
        ) AS e0 ON v.episode_id = e0.id
        LEFT JOIN (
            SELECT v0.id, v0.assessment, v0.clinic_id, v0.last_edited_at, v0.objective, v0.plan, v0.signed_at, v0.status, v0.subjective, v0.xmin, v0.visit_id, v0.last_edited_by_name, v0.last_edited_by_user_id, v0.signed_by_name, v0.signed_by_user_id
            FROM visit_notes AS v0
            WHERE v0.clinic_id = @ef_filter__CurrentClinicId
        ) AS v1 ON v.id = v1.visit_id
        WHERE v.clinic_id = @ef_filter__CurrentClinicId AND v.id = @visitId
        LIMIT 1
        """;

    /// <summary>The command's audit row (the trigger numbers, times and chains it) and the draft's update.</summary>
    public const string AuditAndUpdateNote = """
        INSERT INTO audit_events (account, action, actor_id, actor_roles, client_address, clinic_id, entity_id, entity_type, operation, outcome, patient_id)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
        RETURNING id, hash, occurred_at, previous_hash, sequence;
        UPDATE visit_notes SET assessment = @p11, last_edited_at = @p12, objective = @p13, plan = @p14, subjective = @p15
        WHERE id = @p16 AND xmin = @p17
        RETURNING xmin;
        """;
}
