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
        KnotRun? knots = null;
        var seedTimes = new List<string>();
        var runsKnots = options.Runs(BenchIds.KnotState) || options.Runs(BenchIds.TodayFlags);
        foreach (var perClinic in options.PatientsPerClinic)
        {
            var needed = options.Runs(BenchIds.PatientSearch)
                || (options.Runs(BenchIds.NoteSave) && noteSave is null)
                || (runsKnots && knots is null);
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

            if (runsKnots && knots is null)
            {
                log.WriteLine("==> Seeding the knot charts");
                var data = await KnotData.EnsureAsync(database, ct);
                log.WriteLine(data.Reused
                    ? "    reused the knot charts from an earlier run"
                    : $"    {data.Patients} patients' charts seeded in {data.SeedTime.TotalSeconds:0.0} s");
                if (!data.Reused)
                {
                    seedTimes.Add(string.Create(CultureInfo.InvariantCulture, $"knot charts in {data.SeedTime.TotalSeconds:0} s"));
                }

                knots = new KnotRun(data);
                if (options.Runs(BenchIds.KnotState))
                {
                    log.WriteLine($"==> {BenchIds.KnotState}, {KnotData.LongHistoryVisits} signed visits, {KnotData.SitesPerPatient} sites");
                    knots.State = await new KnotStateBench(database, data, options, log).RunAsync(ct);
                }

                if (options.Runs(BenchIds.TodayFlags))
                {
                    log.WriteLine($"==> {BenchIds.TodayFlags}, {KnotData.TodayVisits} visits, {KnotData.SitesPerPatient} sites each");
                    knots.Today = await new TodayFlagsBench(database, data, options, log).RunAsync(ct);
                }
            }

            if (options.Runs(BenchIds.NoteSave) && noteSave is null)
            {
                log.WriteLine($"==> {BenchIds.NoteSave}, {NoteSaveBench.WriterCount} writers");
                noteSave = await new NoteSaveBench(database, options, log).RunAsync(ct);
            }
        }

        DashboardResult? dashboard = null;
        if (options.Runs(BenchIds.Dashboard))
        {
            var seed = DashboardBench.Seed(options);
            log.WriteLine($"==> Seeding {seed.Episodes} episodes in {seed.Clinics} clinics (the synthetic-data generator)");
            await using var database = await BenchDatabase.PrepareSyntheticAsync(options, seed, ct);
            log.WriteLine(database.Reused
                ? $"    reused {database.Name} from an earlier run"
                : $"    {database.Name} seeded in {database.SeedTime.TotalSeconds:0.0} s");
            if (!database.Reused)
            {
                seedTimes.Add(string.Create(CultureInfo.InvariantCulture, $"{seed.Episodes} episodes in {database.SeedTime.TotalSeconds:0} s"));
            }

            log.WriteLine($"==> {BenchIds.Dashboard}, one clinic, 12 months");
            dashboard = await new DashboardBench(database, options, log).RunAsync(ct);
        }

        HandoutResult? handouts = null;
        if (BenchIds.Handouts.Any(options.Runs))
        {
            log.WriteLine($"==> {string.Join(", ", BenchIds.Handouts.Where(options.Runs))}: {HandoutData.Items} illustrated items");
            handouts = new HandoutBench(options, log).Run(ct);
        }

        var report = Build(options, searches, noteSave, knots, dashboard, handouts);
        report.HowMeasured = HowMeasured(options, searches, knots, dashboard, handouts, started, server, loadAtStart, LoadAverage(), stopwatch.Elapsed, seedTimes);
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

    private static Report Build(
        BenchOptions options, List<PatientSearchResult> searches, NoteSaveResult? noteSave, KnotRun? knots, DashboardResult? dashboard, HandoutResult? handouts)
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

        if (knots is not null)
        {
            KnotRows(report, knots, missed);
        }

        if (dashboard is not null)
        {
            DashboardRow(report, dashboard, missed);
        }

        if (handouts is not null)
        {
            HandoutRows(options, report, handouts, missed);
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

        if (handouts is not null && options.Runs(BenchIds.HandoutThroughput))
        {
            report.Notes.Add(
                $"handout-throughput is a throughput row: median = the median of {options.HandoutRounds} rounds' handouts per second " +
                $"({HandoutBench.Threads} threads rendering for {options.HandoutRound.TotalSeconds:0} s a round); floor = the bare-Skia " +
                "handout's rounds, run alternately with them; ratio floor / ours.");
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

        if (knots is not null)
        {
            KnotTimeSpent(report, knots);
        }

        if (dashboard is not null)
        {
            report.TimeSpent.Add(
                $"dashboard: ours {Format.Ms(dashboard.Ours.Median)}, its {dashboard.Script.Count} statements raw {Format.Ms(dashboard.Floor.Median)} " +
                $"(medians). Floor steps (median each): {string.Join(", ", dashboard.StepMedians.Select(s => $"{s.Label} {Format.Ms(s.MedianMs)}"))}.");
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

        if (knots?.State is { } state)
        {
            report.Floors.Add((
                BenchIds.KnotState,
                "The history fetch of GetKnotTimelineQuery: the patient's assessments (which are signed, each one's visit " +
                "and episode), then the finding rows and the absence rows without the unsigned ones, each grouped by site " +
                "into arrays, which KnotHistoryReader sends through Npgsql (EF Core took ~200 ms to materialize the " +
                "arrays); the first as EF Core sent it, captured once before timing, all replayed with the same " +
                "parameters; the assessments are read whole, the arrays with typed getters into the observations " +
                "KnotHistory takes.",
                state.History));
        }

        if (dashboard is not null)
        {
            report.Floors.Add((
                BenchIds.Dashboard,
                "Every statement GetOutcomeDashboardQuery sent for the clinic's last 12 months (captured once before timing " +
                "from EF Core, replayed with the same parameters), every column of every row read.",
                dashboard.Script));
        }

        if (knots?.Today is { } today)
        {
            report.Floors.Add((
                BenchIds.TodayFlags,
                "Every statement GetTodayQuery sent for the therapist's day (captured once before timing from EF Core, " +
                "replayed with the same parameters), every column of every row read.",
                today.Script));
        }

        return report;
    }

    private static void KnotRows(Report report, KnotRun knots, List<string> missed)
    {
        var data = knots.Data;
        var background = string.Create(CultureInfo.InvariantCulture,
            $"{data.Patients} patients with visits in 4 clinics ({data.SignedVisits} signed, {data.Findings} knot and {data.Absences} absence rows)");
        if (knots.State is { } s)
        {
            var ratio = s.Ours.Median / s.Floor.Median;
            report.Rows.Add(new ReportRow(
                BenchIds.KnotState,
                string.Create(CultureInfo.InvariantCulture,
                    $"timeline of 1 patient: {s.SignedVisits} signed visits in {KnotData.LongHistoryEpisodes} episodes, {KnotData.SitesPerPatient} sites, {s.Observations} observations; {background}"),
                Format.Ms(s.Ours.Median),
                Format.Ms(s.Ours.P95),
                "<= 30 ms",
                Format.Ms(s.Floor.Median),
                Format.Ratio(ratio)));
            report.Rows.Add(new ReportRow(
                BenchIds.KnotState,
                string.Create(CultureInfo.InvariantCulture, $"compute alone: KnotHistory.EvaluateAll on those {s.Observations} observations, no database"),
                Format.Ms(s.Compute.Median),
                Format.Ms(s.Compute.P95),
                "<= 2 ms",
                "-",
                "-"));
            if (s.Ours.Median > 30)
            {
                missed.Add($"{BenchIds.KnotState} ({Format.Ms(s.Ours.Median)} > 30 ms)");
            }

            if (s.Compute.Median > 2)
            {
                missed.Add($"{BenchIds.KnotState} compute alone ({Format.Ms(s.Compute.Median)} > 2 ms)");
            }
        }

        if (knots.Today is { } t)
        {
            report.Rows.Add(new ReportRow(
                BenchIds.TodayFlags,
                string.Create(CultureInfo.InvariantCulture,
                    $"a therapist's day of {KnotData.TodayVisits} visits, each patient tracking {KnotData.SitesPerPatient} knot sites ({data.Sites} sites stored, {data.FlaggedSites} flagged); {background}"),
                Format.Ms(t.Ours.Median),
                Format.Ms(t.Ours.P95),
                "<= 20 ms",
                Format.Ms(t.Floor.Median),
                Format.Ratio(t.Ours.Median / t.Floor.Median)));
            if (t.Ours.Median > 20)
            {
                missed.Add($"{BenchIds.TodayFlags} ({Format.Ms(t.Ours.Median)} > 20 ms)");
            }
        }
    }

    private static void DashboardRow(Report report, DashboardResult d, List<string> missed)
    {
        var ratio = d.Ours.Median / d.Floor.Median;
        report.Rows.Add(new ReportRow(
            BenchIds.Dashboard,
            string.Create(CultureInfo.InvariantCulture,
                $"{d.Episodes} episodes and {d.Visits} visits in {d.Clinics} clinics; the busiest clinic ({d.ClinicEpisodes} episodes, {d.Therapists} therapists), last 12 months ({d.InRange} episodes), every figure, table and chart"),
            Format.Ms(d.Ours.Median),
            Format.Ms(d.Ours.P95),
            "<= 150 ms, <= 3x floor",
            Format.Ms(d.Floor.Median),
            Format.Ratio(ratio)));
        if (d.Ours.Median > 150)
        {
            missed.Add($"{BenchIds.Dashboard} ({Format.Ms(d.Ours.Median)} > 150 ms)");
        }

        if (ratio > 3)
        {
            missed.Add($"{BenchIds.Dashboard} ({Format.Ratio(ratio)} the floor > 3x)");
        }
    }

    private static void HandoutRows(BenchOptions options, Report report, HandoutResult h, List<string> missed)
    {
        var data = string.Create(CultureInfo.InvariantCulture,
            $"home-program handout, {h.OursPages} A4 pages: {HandoutData.Items} items each with its own {HandoutData.PathsPerIllustration}-path SVG illustration, safety box, week chart; Liberation Sans regular + bold cut down per document ({h.OursBytes / 1024} KB)");
        if (options.Runs(BenchIds.Handout))
        {
            report.Rows.Add(new ReportRow(BenchIds.Handout, data + string.Create(CultureInfo.InvariantCulture, $"; floor: the same pages at fixed positions, bare SkiaSharp calls ({h.FloorBytes / 1024} KB)"),
                Format.Ms(h.Ours.Median), Format.Ms(h.Ours.P95), "<= 15 ms", Format.Ms(h.Floor.Median), Format.Ratio(h.Ours.Median / h.Floor.Median)));
            if (h.Ours.Median > 15)
            {
                missed.Add($"{BenchIds.Handout} ({Format.Ms(h.Ours.Median)} > 15 ms)");
            }
        }

        if (options.Runs(BenchIds.HandoutVsPdfSharp))
        {
            var ratio = h.Ours.Median / h.PdfSharp.Median;
            report.Rows.Add(new ReportRow(BenchIds.HandoutVsPdfSharp,
                string.Create(CultureInfo.InvariantCulture, $"the same pages, fonts and pictures (as PNG, each XImage loaded once) drawn by PDFsharp 6.2.4 at fixed positions ({h.PdfSharpBytes / 1024} KB); floor = PDFsharp"),
                Format.Ms(h.Ours.Median), Format.Ms(h.Ours.P95), "ratio < 1", Format.Ms(h.PdfSharp.Median), Format.Ratio(ratio)));
            if (ratio >= 1)
            {
                missed.Add($"{BenchIds.HandoutVsPdfSharp} ({Format.Ratio(ratio)} PDFsharp's time)");
            }
        }

        if (options.Runs(BenchIds.HandoutThroughput))
        {
            var ours = h.OursPerSecond.Median;
            report.Rows.Add(new ReportRow(BenchIds.HandoutThroughput,
                $"the same handout, {HandoutBench.Threads} threads at once; floor: the bare-Skia handout",
                Format.PerSecond(ours), "-", ">= 150/s", Format.PerSecond(h.FloorPerSecond.Median), Format.Ratio(h.FloorPerSecond.Median / ours)));
            if (ours < 150)
            {
                missed.Add($"{BenchIds.HandoutThroughput} ({Format.PerSecond(ours)} < 150/s)");
            }
        }

        report.TimeSpent.Add(
            $"handout: ours {Format.Ms(h.Ours.Median)}, the same pages with bare SkiaSharp calls {Format.Ms(h.Floor.Median)}, " +
            $"PDFsharp {Format.Ms(h.PdfSharp.Median)} (medians). Both Skia sides cut the two fonts down per document with HarfBuzz " +
            "and let Skia embed them; what ours adds is shaping every paragraph with HarfBuzz, line breaking, the page model and pagination.");
    }

    private static void KnotTimeSpent(Report report, KnotRun knots)
    {
        static string Steps(IReadOnlyList<(string Label, double MedianMs)> steps) =>
            string.Join(", ", steps.Select(s => $"{s.Label} {Format.Ms(s.MedianMs)}"));

        if (knots.State is { } s)
        {
            report.TimeSpent.Add(
                $"knot-state: ours {Format.Ms(s.Ours.Median)}, the history fetch raw {Format.Ms(s.Floor.Median)}, all " +
                $"{s.All.Count} statements of the query raw {Format.Ms(s.AllSql.Median)}, the rule alone " +
                $"{Format.Ms(s.Compute.Median)} (medians). The rest of ours is the pipeline (its audit row " +
                $"included), EF Core's reads and the handler turning the {s.Observations} observations into the timeline. All statements raw, " +
                $"median each: {Steps(s.StepMedians)}.");
        }

        if (knots.Today is { } t)
        {
            report.TimeSpent.Add(
                $"today-flags: ours {Format.Ms(t.Ours.Median)}, its {t.Script.Count} statements raw {Format.Ms(t.Floor.Median)} " +
                $"(medians). Floor steps (median each): {Steps(t.StepMedians)}.");
        }
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
        KnotRun? knots,
        DashboardResult? dashboard,
        HandoutResult? handouts,
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
        var knotText = knots is not null
            ? $" knot-state and today-flags: on the {BenchDatabase.ClinicCount * options.PatientsPerClinic[0] / 1000}k set, " +
              "knot charts added in clinics 2 to 5 (Bogus-seeded courses: each site found, its tenderness drifting a " +
              "point at a time, resolving and coming back, skipped at about one visit in seven, a gap), loaded as the " +
              "owner with binary COPY: the assessments unsigned, their knot and absence rows, then the assessments of " +
              "signed notes frozen with one UPDATE (the freeze triggers stay on); the stored site states are what " +
              "KnotHistory.EvaluateAll gives for each patient's signed history, as the rebuild stores them. " +
              $"Warm-up of at least {options.SearchWarmup} calls per side and {options.SearchMinWarmup.TotalSeconds:0} s, " +
              $"then {options.KnotIterations} measured calls per side, alternating call by call (who goes first swaps " +
              "each round); ours as in patient-search, as a therapist of the clinic (the Today list for the seeded day, named)."
            : "";
        var dashboardText = dashboard is not null
            ? " dashboard: its own database, filled by the synthetic-data generator (./ptclinic.sh seed --episodes " +
              $"{dashboard.Episodes} --no-demo: Bogus with its fixed seed, binary COPY, the outcome rows derived by the nightly " +
              "check's statement, then VACUUM ANALYZE); the busiest clinic's manager, the range the 12 months to today. " +
              $"Warm-up of at least {options.DashboardWarmup} calls per side and {options.SearchMinWarmup.TotalSeconds:0} s " +
              $"({dashboard.WarmupRounds} rounds), then {options.DashboardIterations} measured calls per side, alternating call by call " +
              "(who goes first swaps each round); ours as in patient-search."
            : "";
        var handoutText = handouts is not null
            ? $" handout rows (no database): one process, {options.HandoutWarmup.TotalSeconds:0} s warm-up, then " +
              $"{options.HandoutIterations} measured handouts per side, ours, the bare-Skia floor and PDFsharp in turn (who goes " +
              "first rotates each round); ours is HandoutRenderer.Render on a warm renderer (fonts loaded, SVGs parsed and kept " +
              "by hash, as in the app); the floor and PDFsharp draw the pages FixedHandout worked out before timing."
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"**How measured.** {started:yyyy-MM-dd HH:mm} UTC, Release build, .NET {Environment.Version}, " +
            $"{Environment.ProcessorCount} cores shared with PostgreSQL and with whatever else ran (load average " +
            $"{loadAtStart} at the start, {loadAtEnd} at the end); {RuntimeInformation.OSDescription}. {server.Version} on " +
            $"127.0.0.1 (fsync {server.Fsync}, synchronous_commit {server.SynchronousCommit}, shared_buffers " +
            $"{server.SharedBuffers}). Data: Bogus with a fixed seed (names from 14 locales, dates of birth, MRNs " +
            $"P000001... per clinic), {BenchDatabase.ClinicCount} clinics, loaded with binary COPY into the migrated schema, " +
            $"then VACUUM ANALYZE{(seedTimes.Count > 0 ? $" ({string.Join(", ", seedTimes)})" : "")}.{search}{notes}{knotText}{dashboardText}{handoutText} " +
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

    private sealed class KnotRun(KnotData data)
    {
        public KnotData Data { get; } = data;

        public KnotStateResult? State { get; set; }

        public TodayFlagsResult? Today { get; set; }
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
