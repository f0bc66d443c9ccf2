using System.Diagnostics;
using System.Security.Claims;
using Npgsql;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Application.Features.Knots;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Staff;

namespace PtClinic.Benchmarks;

/// <summary>
/// knot-state: a therapist opens the knot timeline of a patient with 500 signed visits and 20
/// tracked sites (GetKnotTimelineQuery through the real pipeline: the signed history fetched, every
/// site's state computed, the timeline built), against the floor of the same history fetch sent raw:
/// the statements of the history read, replayed, the rows read into the same
/// observations. Then the state computation alone (KnotHistory.EvaluateAll on that history, no
/// database), and every statement of the query replayed raw, to say where the time goes.
/// </summary>
internal sealed class KnotStateBench(BenchDatabase database, KnotData data, BenchOptions options, TextWriter log)
{
    public async Task<KnotStateResult> RunAsync(CancellationToken ct)
    {
        var user = Staff.Member(data.ClinicId, Guid.CreateVersion7(), "Bench Therapist", StaffRoles.Therapist);
        var calendar = ClinicCalendar.For(KnotData.TimeZone);

        IReadOnlyList<SqlStatement> all;
        KnotTimelineDto timeline;
        using (var capture = await EfSqlCapture.StartAsync(ct))
        {
            timeline = await OursAsync(user, ct);
            all = await WithKnotRowsAsync(capture.Statements, ct);
        }

        var history = HistoryStatements(all);
        var observations = await FloorAsync(history, calendar, null, ct);
        var points = timeline.Sites.Sum(s => s.Points.Count);
        if (observations.Count != points || timeline.Sites.Count != KnotData.SitesPerPatient)
        {
            throw new BenchFailure(
                $"knot-state: the floor read {observations.Count} observations, the timeline shows {points} on {timeline.Sites.Count} sites " +
                $"(expected {KnotData.SitesPerPatient}).");
        }

        var tracks = KnotHistory.EvaluateAll(observations);
        var result = new KnotStateResult(history, all, observations.Count, timeline.Visits.Count, tracks.Count(t => t.IsFlagged));
        var steps = new SqlReplay.StepTimes(all.Count);
        GC.Collect();

        var warmupEnds = Stopwatch.GetTimestamp() + (long)(options.SearchMinWarmup.TotalSeconds * Stopwatch.Frequency);
        for (int round = 0, measuredRounds = 0; measuredRounds < options.KnotIterations; round++)
        {
            var measured = round >= options.SearchWarmup && Stopwatch.GetTimestamp() >= warmupEnds;
            if (measured)
            {
                measuredRounds++;
            }
            else
            {
                result.WarmupRounds++;
            }

            // Alternate who goes first, as in patient-search.
            for (var side = 0; side < 2; side++)
            {
                var started = Stopwatch.GetTimestamp();
                if ((side == 0) == (round % 2 == 0))
                {
                    await OursAsync(user, ct);
                    if (measured)
                    {
                        result.Ours.Add(Samples.Since(started));
                    }
                }
                else
                {
                    await FloorAsync(history, calendar, null, ct);
                    if (measured)
                    {
                        result.Floor.Add(Samples.Since(started));
                    }
                }
            }

            // Everything the query sends, raw: what is left of ours is the pipeline, EF Core and the handler's own work.
            var stepMs = measured ? new double[all.Count] : null;
            var allStarted = Stopwatch.GetTimestamp();
            await SqlReplay.RunAsync(database.Raw, all, SqlReplay.ReadAll, stepMs, ct);
            if (stepMs is not null)
            {
                result.AllSql.Add(Samples.Since(allStarted));
                steps.Add(stepMs);
            }
        }

        result.StepMedians = [.. steps.Medians().Select(s => (SqlReplay.Label(all[s.Step]), s.MedianMs))];

        // The rule alone, on the history the floor fetched.
        for (var i = 0; i < options.SearchWarmup + options.KnotIterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var evaluated = KnotHistory.EvaluateAll(observations);
            var ms = Samples.Since(started);
            if (evaluated.Count != tracks.Count)
            {
                throw new BenchFailure("knot-state: the rule gave another number of sites the second time.");
            }

            if (i >= options.SearchWarmup)
            {
                result.Compute.Add(ms);
            }
        }

        log.WriteLine(
            $"  timeline               ours {Format.Ms(result.Ours.Median),9} (p95 {Format.Ms(result.Ours.P95)})   floor {Format.Ms(result.Floor.Median),9} (p95 {Format.Ms(result.Floor.P95)})   {result.Observations} observations, {result.SignedVisits} visits");
        log.WriteLine(
            $"  compute alone          {Format.Ms(result.Compute.Median),9} (p95 {Format.Ms(result.Compute.P95)}); all {all.Count} statements raw {Format.Ms(result.AllSql.Median)}");
        return result;
    }

    private async Task<KnotTimelineDto> OursAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await Staff.SendAsync(database.Services, user, new GetKnotTimelineQuery(data.LongHistoryPatientId), ct);
        return result.IsSuccess
            ? result.Value
            : throw new BenchFailure($"knot-state: the timeline failed: {result.Error.Kind}: {result.Error.Message}");
    }

    /// <summary>
    /// EF Core's statements with the knot rows' two put in after the assessments read, as the
    /// handler sends them: KnotHistoryReader sends them through Npgsql, where EF Core's diagnostics
    /// do not see them; they are KnotHistorySql's, with the parameters of this patient.
    /// </summary>
    private async Task<IReadOnlyList<SqlStatement>> WithKnotRowsAsync(IReadOnlyList<SqlStatement> ef, CancellationToken ct)
    {
        var assessments = ef.ToList().FindIndex(s => s.NormalizedText.Contains("FROM visit_assessments", StringComparison.Ordinal));
        if (assessments < 0)
        {
            throw new BenchFailure(
                "knot-state: the timeline no longer reads the patient's assessments; update WithKnotRowsAsync in " +
                "bench/PtClinic.Benchmarks/KnotStateBench.cs. EF Core sent:" + Environment.NewLine + string.Join(Environment.NewLine, ef));
        }

        var unsigned = new List<Guid>();
        await using (var command = database.Raw.CreateCommand("SELECT id FROM visit_assessments WHERE patient_id = $1 AND frozen_at IS NULL"))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = data.LongHistoryPatientId });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                unsigned.Add(reader.GetGuid(0));
            }
        }

        var knotRows = KnotHistorySql.Commands(data.ClinicId, data.LongHistoryPatientId, unsigned, muscles: null)
            .Select(b =>
            {
                using var command = new NpgsqlCommand(b.CommandText);
                foreach (NpgsqlParameter parameter in b.Parameters)
                {
                    command.Parameters.Add(parameter.Clone());
                }

                return SqlStatement.From(command, SqlStepKind.Reader);
            });
        return [.. ef.Take(assessments + 1), .. knotRows, .. ef.Skip(assessments + 1)];
    }

    /// <summary>
    /// The history fetch among the query's statements: the patient's assessments (which are signed,
    /// and each one's visit and episode), then the finding rows and the absence rows without the
    /// unsigned ones, each grouped by site into arrays (KnotHistorySql).
    /// </summary>
    private static IReadOnlyList<SqlStatement> HistoryStatements(IReadOnlyList<SqlStatement> all)
    {
        var findings = all.ToList().FindIndex(s => s.NormalizedText.Contains("FROM knot_findings", StringComparison.Ordinal));
        return [all[findings - 1], all[findings], all[findings + 1]];
    }

    /// <summary>
    /// The floor: the three statements replayed one after the other, the assessments read whole,
    /// each site's arrays read with KnotHistorySql's typed getters into the observations the rule takes.
    /// </summary>
    private async Task<List<(KnotSiteKey Site, KnotObservation Observation)>> FloorAsync(
        IReadOnlyList<SqlStatement> history, ClinicCalendar calendar, double[]? stepMs, CancellationToken ct)
    {
        var observations = new List<(KnotSiteKey, KnotObservation)>(12_000);
        await SqlReplay.RunAsync(database.Raw, history, (step, r) =>
        {
            if (step == 0)
            {
                SqlReplay.ReadAll(step, r);
                return;
            }

            var rows = step == 1 ? KnotHistorySql.Present(r) : KnotHistorySql.Absent(r);
            for (var i = 0; i < rows.Assessments.Length; i++)
            {
                var startsAt = rows.StartsAt[i];
                observations.Add((rows.Site, rows.ArePresent
                    ? KnotObservation.Present(rows.Assessments[i], startsAt, calendar.DateOf(startsAt), rows.Tenderness![i], rows.SizeMm![i], rows.IsActive![i], rows.RefersPain![i])
                    : KnotObservation.Absent(rows.Assessments[i], startsAt, calendar.DateOf(startsAt))));
            }
        }, stepMs, ct);
        return observations;
    }
}

internal sealed class KnotStateResult(IReadOnlyList<SqlStatement> history, IReadOnlyList<SqlStatement> all, int observations, int signedVisits, int flagged)
{
    /// <summary>The floor's statements.</summary>
    public IReadOnlyList<SqlStatement> History { get; } = history;

    /// <summary>Everything GetKnotTimelineQuery sent.</summary>
    public IReadOnlyList<SqlStatement> All { get; } = all;

    public int Observations { get; } = observations;

    public int SignedVisits { get; } = signedVisits;

    public int FlaggedSites { get; } = flagged;

    public int WarmupRounds { get; set; }

    public Samples Ours { get; } = new();

    public Samples Floor { get; } = new();

    public Samples Compute { get; } = new();

    public Samples AllSql { get; } = new();

    public IReadOnlyList<(string Label, double MedianMs)> StepMedians { get; set; } = [];
}
