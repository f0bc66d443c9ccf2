using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace PtClinic.Benchmarks;

/// <summary>Seeds, runs each benchmark, and writes the report.</summary>
internal static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var loadAtStart = LoadAverage();
        var server = await ServerFactsAsync(options.ServerConnectionString, ct);
        log.WriteLine($"==> {server.Version}; fsync {server.Fsync}, synchronous_commit {server.SynchronousCommit}; {Environment.ProcessorCount} cores, load {loadAtStart}");

        var searches = new List<PatientSearchResult>();
        NoteSaveResult? noteSave = null;
        var seedTimes = new List<string>();
        foreach (var perClinic in options.PatientsPerClinic)
        {
            var needed = options.Runs(BenchIds.PatientSearch) || (options.Runs(BenchIds.NoteSave) && noteSave is null);
            if (!needed)
            {
                continue;
            }

            var size = BenchDatabase.ClinicCount * perClinic;
            log.WriteLine($"==> Seeding {size} patients in {BenchDatabase.ClinicCount} clinics");
            await using var database = await BenchDatabase.PrepareAsync(options, perClinic, ct);
            log.WriteLine(database.Reused
                ? $"    reused {database.Name} from an earlier run"
                : $"    {database.Name} seeded in {database.SeedTime.TotalSeconds:0.0} s");
            if (!database.Reused)
            {
                seedTimes.Add(string.Create(CultureInfo.InvariantCulture, $"{size} patients in {database.SeedTime.TotalSeconds:0} s"));
            }

            if (options.Runs(BenchIds.PatientSearch))
            {
                log.WriteLine($"==> {BenchIds.PatientSearch}, {size} patients");
                searches.Add(await new PatientSearchBench(database, options, log).RunAsync(ct));
            }

            if (options.Runs(BenchIds.NoteSave) && noteSave is null)
            {
                log.WriteLine($"==> {BenchIds.NoteSave}, {NoteSaveBench.WriterCount} writers");
                noteSave = await new NoteSaveBench(database, options, log).RunAsync(ct);
            }
        }

        var report = Build(options, searches, noteSave);
        report.HowMeasured = HowMeasured(options, searches, started, server, loadAtStart, LoadAverage(), stopwatch.Elapsed, seedTimes);
        var markdown = report.Render();
        if (options.OutputPath is { } path)
        {
            await File.WriteAllTextAsync(path, markdown, ct);
            log.WriteLine($"==> Wrote {path} ({stopwatch.Elapsed.TotalSeconds:0} s in all)");
        }
        else
        {
            log.WriteLine();
            log.Write(markdown);
        }

        return 0;
    }

    private static Report Build(BenchOptions options, List<PatientSearchResult> searches, NoteSaveResult? noteSave)
    {
        var report = new Report();
        var missed = new List<string>();
        foreach (var search in searches)
        {
            var small = search.PatientCount <= 50_000;
            var targetMs = small ? 10.0 : 25.0;
            foreach (var kind in search.SearchKinds)
            {
                var t = search.Kinds[kind.Name];
                var ratio = t.Ours.Median / t.Floor.Median;
                report.Rows.Add(new ReportRow(
                    BenchIds.PatientSearch,
                    $"{search.PatientCount} patients in {BenchDatabase.ClinicCount} clinics; {kind.Name}",
                    Format.Ms(t.Ours.Median),
                    Format.Ms(t.Ours.P95),
                    small ? "<= 10 ms, <= 3x floor" : "<= 25 ms",
                    Format.Ms(t.Floor.Median),
                    Format.Ratio(ratio)));
                if (t.Ours.Median > targetMs)
                {
                    missed.Add($"{BenchIds.PatientSearch} {search.PatientCount}, {kind.Name} ({Format.Ms(t.Ours.Median)} > {Format.Ms(targetMs)})");
                }

                if (small && ratio > 3)
                {
                    missed.Add($"{BenchIds.PatientSearch} {search.PatientCount}, {kind.Name} ({Format.Ratio(ratio)} the floor > 3x)");
                }
            }
        }

        if (noteSave is not null)
        {
            var ours = noteSave.OursPerSecond.Median;
            report.Rows.Add(new ReportRow(
                BenchIds.NoteSave,
                $"{NoteSaveBench.WriterCount} writers at once, {NoteSaveBench.SectionLength * 4 / 1024} KB draft, versions chained",
                Format.PerSecond(ours),
                Format.Ms(noteSave.OursLatency.P95),
                ">= 1500/s",
                Format.PerSecond(noteSave.FloorPerSecond.Median),
                Format.Ratio(noteSave.FloorPerSecond.Median / ours)));
            if (ours < 1500)
            {
                missed.Add($"{BenchIds.NoteSave} ({Format.PerSecond(ours)} < 1500/s)");
            }
        }

        report.Notes.Add(
            "ratio: ours / floor, median against median, for the latency rows; floor / ours for note-save's " +
            "throughput. Either way above 1 means ours is slower than the floor.");
        if (noteSave is not null)
        {
            report.Notes.Add(
                $"note-save is a throughput row: median = the median of {options.NoteRounds} rounds' throughput " +
                $"({NoteSaveBench.WriterCount} writers saving at once for {options.NoteRound.TotalSeconds:0} s a round, each save " +
                "passing the Version the previous one returned); p95 = the 95th percentile of one save's latency " +
                "over those rounds; floor = the median throughput of the raw rounds run alternately with them " +
                $"(its save p95: {Format.Ms(noteSave.FloorLatency.P95)}).");
        }

        report.Notes.Add(missed.Count == 0
            ? "Every target was met in this run."
            : $"Missed in this run: {string.Join("; ", missed)}.");

        foreach (var search in searches)
        {
            foreach (var kind in search.SearchKinds)
            {
                var t = search.Kinds[kind.Name];
                var (length, medians) = t.StepMedians();
                var steps = search.Scripts.Values.First(s => s.Statements.Count == length).Statements;
                var parts = steps.Select((_, i) => (Label: StepLabel(steps, i), Ms: medians[i]))
                    .Where(p => p.Label is not null)
                    .Select(p => $"{p.Label} {Format.Ms(p.Ms)}");
                report.TimeSpent.Add(
                    $"patient-search, {search.PatientCount} patients, {kind.Name}: ours {Format.Ms(t.Ours.Median)}, " +
                    $"floor {Format.Ms(t.Floor.Median)} (medians). " +
                    $"Floor steps (median each): {string.Join(", ", parts)}.");
            }

            report.TimeSpent.Add(
                $"patient-search, {search.PatientCount} patients, everything but the SQL: a search refused by validation " +
                "(new scope, user, pipeline, handler and DbContext built, logging, authorization, validation; nothing " +
                $"sent) takes {Format.Ms(search.Pipeline.Median)} (median); " +
                $"a bare scope (create, set the user, resolve ISender, dispose) {Format.Ms(search.ScopeOnly.Median)}.");
        }

        if (noteSave is not null)
        {
            report.TimeSpent.Add(
                $"note-save: one save takes {Format.Ms(noteSave.OursLatency.Median)} through the pipeline and " +
                $"{Format.Ms(noteSave.FloorLatency.Median)} raw (median, {NoteSaveBench.WriterCount} writers sharing " +
                $"{Environment.ProcessorCount} cores with PostgreSQL); one writer saving alone: ours " +
                $"{Format.Ms(noteSave.OursAlone.Median)}, floor {Format.Ms(noteSave.FloorAlone.Median)} per save.");
        }

        if (searches.Count > 0)
        {
            var first = searches[0];
            foreach (var kind in first.SearchKinds)
            {
                var text = kind.Texts[0];
                report.Floors.Add((
                    $"{BenchIds.PatientSearch}: {kind.Name}",
                    $"For \"{text}\" (one of {kind.Texts.Length} texts of this kind). For every text, the floor " +
                    "replays the statements EF Core sent for it through the query, captured once before timing " +
                    "from EF Core's DiagnosticListener: same statements, same transaction, same parameters " +
                    "(type and value).",
                    first.Scripts[text].Statements));
            }
        }

        if (noteSave is not null)
        {
            report.Floors.Add((
                BenchIds.NoteSave,
                "One save of an existing draft, as SaveNoteDraftHandler sends it (captured from EF Core); the floor " +
                "sends the same two statements, written out in NoteSaveBench.cs and compared with EF Core's before timing.",
                noteSave.Sql));
        }

        return report;
    }

    /// <summary>A short name for a floor step; null for BEGIN, which Npgsql sends with the next statement.</summary>
    private static string? StepLabel(IReadOnlyList<SqlStatement> steps, int i)
    {
        var step = steps[i];
        var text = step.NormalizedText;
        var name = step.Kind switch
        {
            SqlStepKind.Begin => null,
            SqlStepKind.Commit => "COMMIT",
            SqlStepKind.Rollback => "ROLLBACK",
            _ when text.Contains("<%", StringComparison.Ordinal) =>
                text.StartsWith("SET ", StringComparison.OrdinalIgnoreCase) ? "SET LOCAL + name query" : "name query",
            _ when text.StartsWith("SET ", StringComparison.OrdinalIgnoreCase) => "SET LOCAL",
            _ when text.Contains("mrn = ANY", StringComparison.Ordinal) || text.Contains("mrn IN (", StringComparison.Ordinal) => "MRN lookup",
            _ => text.Length <= 30 ? text : text[..30] + "...",
        };
        return name is not null && i > 0 && steps[i - 1].Kind == SqlStepKind.Begin ? "BEGIN + " + name : name;
    }

    private static string WarmupRounds(List<PatientSearchResult> searches) =>
        string.Join(" and ", searches.Select(s => $"{s.WarmupRounds} at {s.PatientCount} patients"));

    private static string HowMeasured(
        BenchOptions options,
        List<PatientSearchResult> searches,
        DateTimeOffset started,
        ServerFacts server,
        string loadAtStart,
        string loadAtEnd,
        TimeSpan elapsed,
        List<string> seedTimes)
    {
        var search = options.Runs(BenchIds.PatientSearch)
            ? $" patient-search: 50 texts per kind made from the clinic's own rows; warm-up of at least {options.SearchWarmup} " +
              $"calls per kind and side and {options.SearchMinWarmup.TotalSeconds:0} s ({WarmupRounds(searches)}), then " +
              $"{options.SearchIterations} measured calls per kind for ours and as many for the floor, alternating call by " +
              "call (who goes first swaps each round); one clinic, top 20. Ours is what the app does per operation: a new " +
              "DI scope, the signed-in user set on it, ISender.Send through logging, authorization, validation and " +
              "domain-rule mapping to the handler and EF Core, all timed; the service graph is AddPtClinicCore, as in " +
              "the web app and the integration tests (logs at Warning, as EF Core's are in production)."
            : "";
        var notes = options.Runs(BenchIds.NoteSave)
            ? $" note-save: {options.NoteWarmup.TotalSeconds:0} s warm-up per side, then {options.NoteRounds} rounds of " +
              $"{options.NoteRound.TotalSeconds:0} s for each, alternating."
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"**How measured.** {started:yyyy-MM-dd HH:mm} UTC, Release build, .NET {Environment.Version}, " +
            $"{Environment.ProcessorCount} cores shared with PostgreSQL and with whatever else ran (load average " +
            $"{loadAtStart} at the start, {loadAtEnd} at the end); {RuntimeInformation.OSDescription}. {server.Version} on " +
            $"127.0.0.1 (fsync {server.Fsync}, synchronous_commit {server.SynchronousCommit}, shared_buffers " +
            $"{server.SharedBuffers}). Data: Bogus with a fixed seed (names from 14 locales, dates of birth, MRNs " +
            $"P000001... per clinic), {BenchDatabase.ClinicCount} clinics, loaded with binary COPY into the migrated schema, " +
            $"then VACUUM ANALYZE{(seedTimes.Count > 0 ? $" ({string.Join(", ", seedTimes)})" : "")}.{search}{notes} " +
            $"The whole run took {elapsed.TotalMinutes:0.0} min.");
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private sealed record ServerFacts(string Version, string Fsync, string SynchronousCommit, string SharedBuffers);

    private static async Task<ServerFacts> ServerFactsAsync(string serverConnectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version'), current_setting('fsync'), " +
            "current_setting('synchronous_commit'), current_setting('shared_buffers')",
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ServerFacts(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
    }
}
