using System.Globalization;

namespace PtClinic.Benchmarks;

/// <summary>Command line of the benchmark program (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions(
    string ServerConnectionString,
    string DatabasePrefix,
    string? OutputPath,
    IReadOnlySet<string> Only,
    bool Quick,
    bool Reuse,
    int? WarmupOverride = null,
    int? IterationsOverride = null)
{
    public const string ServerVariable = "PTCLINIC_BENCH_POSTGRES";

    public const string Usage = """
        PtClinic.Benchmarks [options]
          --server <connection string>  an admin connection to a PostgreSQL 15 server
                                        (default: $PTCLINIC_BENCH_POSTGRES)
          --database <prefix>           databases <prefix>_50k and <prefix>_500k are created
                                        (dropped and recreated; default ptclinic_bench)
          --output <file>               the Markdown report (default docs/benchmarks.md; '-' for none)
          --only <id>[,<id>]            patient-search, note-save, knot-state, today-flags, dashboard,
                                        handout, handout-vs-pdfsharp, handout-throughput (default: all;
                                        the handout ones need no seeded data)
          --quick                       50k patients and 10k episodes only, fewer iterations: for a quick look
          --reuse                       keep the databases and reuse a complete seed from a previous run
          --warmup <n>, --iterations <n>  patient-search calls per kind and side (default 50 and 300);
                                        knot-state and today-flags calls per side (50 and 200);
                                        dashboard calls per side (10 and 60)
        """;

    public bool Runs(string id) => Only.Count == 0 || Only.Contains(id);

    /// <summary>Warm-up calls per query kind and side, not measured.</summary>
    public int SearchWarmup => WarmupOverride ?? (Quick ? 20 : 50);

    /// <summary>
    /// Warm-up lasts at least this long too: tiered JIT recompiles EF Core's hot paths in the background
    /// for a few seconds, and that CPU would otherwise land in the measured calls.
    /// </summary>
    public TimeSpan SearchMinWarmup => TimeSpan.FromSeconds(Quick ? 2 : 5);

    /// <summary>Measured calls per query kind and side.</summary>
    public int SearchIterations => IterationsOverride ?? (Quick ? 100 : 300);

    /// <summary>Measured calls per side of knot-state and today-flags (each call reads hundreds of rows).</summary>
    public int KnotIterations => IterationsOverride ?? (Quick ? 60 : 200);

    /// <summary>Warm-up calls per side of the dashboard (each call aggregates tens of thousands of episodes).</summary>
    public int DashboardWarmup => WarmupOverride ?? (Quick ? 5 : 10);

    /// <summary>Measured calls per side of the dashboard.</summary>
    public int DashboardIterations => IterationsOverride ?? (Quick ? 20 : 60);

    /// <summary>Warm-up of the handout rows: the first handouts JIT-compile the SVG parse and the layout.</summary>
    public TimeSpan HandoutWarmup => TimeSpan.FromSeconds(Quick ? 1 : 3);

    /// <summary>Measured handouts per side (ours, the bare floor, PDFsharp).</summary>
    public int HandoutIterations => IterationsOverride ?? (Quick ? 60 : 300);

    public TimeSpan HandoutRound => TimeSpan.FromSeconds(Quick ? 1 : 2);

    public int HandoutRounds => Quick ? 3 : 5;

    public TimeSpan NoteWarmup => TimeSpan.FromSeconds(Quick ? 1 : 3);

    public TimeSpan NoteRound => TimeSpan.FromSeconds(Quick ? 1 : 2);

    public int NoteRounds => Quick ? 3 : 5;

    /// <summary>Patients per clinic for each data size, five clinics each.</summary>
    public IReadOnlyList<int> PatientsPerClinic => Quick ? [10_000] : [10_000, 100_000];

    public static BenchOptions? Parse(string[] args)
    {
        string? server = Environment.GetEnvironmentVariable(ServerVariable);
        var prefix = "ptclinic_bench";
        string? output = "docs/benchmarks.md";
        var only = new HashSet<string>(StringComparer.Ordinal);
        bool quick = false, reuse = false;
        int? warmup = null, iterations = null;

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--server": server = Value(); break;
                case "--database": prefix = Value(); break;
                case "--output": output = Value(); break;
                case "--only":
                    foreach (var id in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!BenchIds.All.Contains(id))
                        {
                            throw new ArgumentException($"unknown benchmark '{id}'");
                        }

                        only.Add(id);
                    }

                    break;
                case "--quick": quick = true; break;
                case "--reuse": reuse = true; break;
                case "--warmup": warmup = Count(Value()); break;
                case "--iterations": iterations = Count(Value()); break;
                case "-h" or "--help": return null;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (string.IsNullOrWhiteSpace(server))
        {
            throw new ArgumentException($"no server: pass --server or set {ServerVariable}");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(prefix, "^[a-z_][a-z0-9_]{0,40}$"))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--database '{prefix}': lower-case letters, digits and _ only"));
        }

        return new BenchOptions(server, prefix, output == "-" ? null : output, only, quick, reuse, warmup, iterations);
    }

    private static int Count(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000
            ? n
            : throw new ArgumentException($"'{value}' is not a count");
}

internal static class BenchIds
{
    public const string PatientSearch = "patient-search";
    public const string NoteSave = "note-save";
    public const string KnotState = "knot-state";
    public const string TodayFlags = "today-flags";
    public const string Handout = "handout";
    public const string HandoutVsPdfSharp = "handout-vs-pdfsharp";
    public const string HandoutThroughput = "handout-throughput";
    public const string Dashboard = "dashboard";

    public static readonly string[] All = [PatientSearch, NoteSave, KnotState, TodayFlags, Dashboard, Handout, HandoutVsPdfSharp, HandoutThroughput];

    public static readonly string[] Handouts = [Handout, HandoutVsPdfSharp, HandoutThroughput];
}

/// <summary>A benchmark could not run as designed; the message says why.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
