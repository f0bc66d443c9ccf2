using System.Diagnostics;
using System.Security.Claims;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Benchmarks;

/// <summary>
/// patient-search: what the front desk types into the search box, for one clinic, top 20, through the
/// real query (scope, mediator pipeline, handler, EF Core) against the same statements sent raw.
/// </summary>
internal sealed class PatientSearchBench(BenchDatabase database, BenchOptions options, TextWriter log)
{
    private const int TextsPerKind = 50;
    private const int Take = 20;

    /// <summary>The three things people type; the order is the report's.</summary>
    public static readonly string[] KindNames = ["misspelt surname", "full name, one typo", "3-letter prefix"];

    public async Task<PatientSearchResult> RunAsync(CancellationToken ct)
    {
        var clinicId = database.ClinicIds[0];
        var user = Staff.Member(clinicId, Guid.CreateVersion7(), "Bench Front Desk", StaffRoles.FrontDesk);
        var kinds = await SearchTexts.MakeAsync(database.Raw, clinicId, database.PatientsPerClinic, TextsPerKind, ct);

        // What EF Core sends for each text, read once, outside the timing. The floor replays exactly that.
        var scripts = new Dictionary<string, Script>(StringComparer.Ordinal);
        using (var capture = await EfSqlCapture.StartAsync(ct))
        {
            foreach (var text in kinds.SelectMany(k => k.Texts).Distinct(StringComparer.Ordinal))
            {
                capture.Clear();
                var hits = await OursAsync(user, text, ct);
                scripts[text] = new Script(capture.Statements, hits);
            }
        }

        var mismatches = 0;
        foreach (var (text, script) in scripts)
        {
            var floorHits = await FloorAsync(script, null, ct);
            if (!floorHits.Select(h => h.Id).SequenceEqual(script.Hits.Select(h => h.Id)))
            {
                mismatches++;
            }
        }

        if (mismatches > 0)
        {
            throw new BenchFailure($"patient-search: the floor found other patients than the query for {mismatches} text(s).");
        }

        var result = new PatientSearchResult(database.PatientCount, kinds, scripts);
        GC.Collect();
        var warmupEnds = Stopwatch.GetTimestamp() + (long)(options.SearchMinWarmup.TotalSeconds * Stopwatch.Frequency);
        var warmupRounds = 0;
        for (int round = 0, measuredRounds = 0; measuredRounds < options.SearchIterations; round++)
        {
            var measured = round >= options.SearchWarmup && Stopwatch.GetTimestamp() >= warmupEnds;
            if (measured)
            {
                measuredRounds++;
            }
            else
            {
                warmupRounds++;
            }

            foreach (var kind in kinds)
            {
                var text = kind.Texts[round % kind.Texts.Length];
                var script = scripts[text];
                var timing = result.Kinds[kind.Name];
                // Alternate who goes first, so neither always meets the warmer cache or the quieter moment.
                for (var side = 0; side < 2; side++)
                {
                    var started = Stopwatch.GetTimestamp();
                    if ((side == 0) == (round % 2 == 0))
                    {
                        var hits = await OursAsync(user, text, ct);
                        var ms = Samples.Since(started);
                        if (measured)
                        {
                            timing.Ours.Add(ms);
                            timing.HitCount += hits.Count;
                        }
                    }
                    else
                    {
                        var steps = measured ? timing.StepMs(script.Statements.Count) : null;
                        await FloorAsync(script, steps, ct);
                        var ms = Samples.Since(started);
                        if (steps is not null)
                        {
                            timing.Floor.Add(ms);
                            timing.AddSteps(steps);
                        }
                    }
                }
            }
        }

        result.WarmupRounds = warmupRounds;
        await MeasurePipelineAsync(user, result, ct);

        foreach (var kind in kinds)
        {
            var t = result.Kinds[kind.Name];
            log.WriteLine(
                $"  {kind.Name,-22} ours {Format.Ms(t.Ours.Median),9} (p95 {Format.Ms(t.Ours.P95)})   floor {Format.Ms(t.Floor.Median),9} (p95 {Format.Ms(t.Floor.P95)})   {Format.Number((double)t.HitCount / t.Ours.Count, "0.0")} hits");
        }

        log.WriteLine(
            $"  {"pipeline, no SQL",-22} ours {Format.Ms(result.Pipeline.Median),9} (p95 {Format.Ms(result.Pipeline.P95)}); a scope alone {Format.Ms(result.ScopeOnly.Median)}");
        return result;
    }

    /// <summary>
    /// The fixed cost around the SQL: a search refused by validation still opens the scope, sets the
    /// user, builds the pipeline, the handler and its DbContext, logs, authorizes and validates, but
    /// sends nothing. And a scope on its own (create, set the user, resolve ISender, dispose).
    /// </summary>
    private async Task MeasurePipelineAsync(ClaimsPrincipal user, PatientSearchResult result, CancellationToken ct)
    {
        var refused = new SearchPatientsQuery("", Take);
        for (var i = 0; i < options.SearchWarmup + options.SearchIterations; i++)
        {
            var measured = i >= options.SearchWarmup;
            var started = Stopwatch.GetTimestamp();
            var response = await Staff.SendAsync(database.Services, user, refused, ct);
            var ms = Samples.Since(started);
            if (response.IsSuccess || response.Error.Kind != ErrorKind.Validation)
            {
                throw new BenchFailure("patient-search: an empty search was not refused by validation.");
            }

            if (measured)
            {
                result.Pipeline.Add(ms);
            }

            started = Stopwatch.GetTimestamp();
            await Staff.ScopeOnlyAsync(database.Services, user);
            if (measured)
            {
                result.ScopeOnly.Add(Samples.Since(started));
            }
        }
    }

    private async Task<IReadOnlyList<PatientSearchHit>> OursAsync(ClaimsPrincipal user, string text, CancellationToken ct)
    {
        var result = await Staff.SendAsync(database.Services, user, new SearchPatientsQuery(text, Take), ct);
        return result.IsSuccess
            ? result.Value
            : throw new BenchFailure($"patient-search '{text}' failed: {result.Error.Kind}: {result.Error.Message}");
    }

    /// <summary>
    /// The floor: the statements EF Core sent for this text, in the same order, with the same
    /// transaction boundaries, texts and parameters (type and value), on a pooled connection opened for
    /// the call, rows read with typed getters into the same hit records. <paramref name="stepMs"/>, when
    /// given, collects the time of each step.
    /// </summary>
    private async Task<List<PatientSearchHit>> FloorAsync(Script script, double[]? stepMs, CancellationToken ct)
    {
        var hits = new List<PatientSearchHit>(Take);
        await SqlReplay.RunAsync(database.Raw, script.Statements, (_, reader) =>
        {
            // The exact-match query leaves its constant score of 1 to the client, as EF Core does.
            var scored = reader.FieldCount > 4;
            hits.Add(new PatientSearchHit(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3),
                scored ? reader.GetDouble(4) : 1.0));
        }, stepMs, ct);
        return hits;
    }

    internal sealed record Script(IReadOnlyList<SqlStatement> Statements, IReadOnlyList<PatientSearchHit> Hits);
}

internal sealed class PatientSearchResult(int patientCount, IReadOnlyList<SearchKind> kinds, IReadOnlyDictionary<string, PatientSearchBench.Script> scripts)
{
    public int PatientCount { get; } = patientCount;

    public IReadOnlyList<SearchKind> SearchKinds { get; } = kinds;

    public IReadOnlyDictionary<string, PatientSearchBench.Script> Scripts { get; } = scripts;

    /// <summary>Warm-up rounds (one call per kind and side each) before the measured ones.</summary>
    public int WarmupRounds { get; set; }

    /// <summary>A search refused by validation: everything around the SQL, without it.</summary>
    public Samples Pipeline { get; } = new();

    /// <summary>Creating a scope, setting the user, resolving ISender, disposing it.</summary>
    public Samples ScopeOnly { get; } = new();

    public Dictionary<string, KindTiming> Kinds { get; } = kinds.ToDictionary(k => k.Name, _ => new KindTiming(), StringComparer.Ordinal);

    internal sealed class KindTiming
    {
        private readonly Dictionary<int, Samples[]> _steps = [];

        public Samples Ours { get; } = new();

        public Samples Floor { get; } = new();

        public long HitCount { get; set; }

        /// <summary>A fresh array for one floor call's step times; <see cref="AddSteps"/> files it.</summary>
        public double[] StepMs(int length) => new double[length];

        public void AddSteps(double[] stepMs)
        {
            if (!_steps.TryGetValue(stepMs.Length, out var samples))
            {
                _steps[stepMs.Length] = samples = Enumerable.Range(0, stepMs.Length).Select(_ => new Samples()).ToArray();
            }

            for (var i = 0; i < stepMs.Length; i++)
            {
                samples[i].Add(stepMs[i]);
            }
        }

        /// <summary>Median time of each floor step, for the most common script length of this kind.</summary>
        public (int Length, double[] MedianMs) StepMedians()
        {
            var (length, samples) = _steps.MaxBy(s => s.Value[0].Count);
            return (length, samples.Select(s => s.Median).ToArray());
        }
    }
}
