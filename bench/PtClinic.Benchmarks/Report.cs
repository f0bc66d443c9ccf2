using System.Text;

namespace PtClinic.Benchmarks;

internal sealed record ReportRow(string Benchmark, string Data, string Median, string P95, string Target, string Floor, string Ratio);

/// <summary>docs/benchmarks.md: one table, then how to read it, how it was measured, and the floors' SQL.</summary>
internal sealed class Report
{
    public List<ReportRow> Rows { get; } = [];

    /// <summary>Lines right under the table (how to read the ratio and the note-save row, what missed).</summary>
    public List<string> Notes { get; } = [];

    public string HowMeasured { get; set; } = "";

    /// <summary>Where ours spends its time next to the floor, one bullet each.</summary>
    public List<string> TimeSpent { get; } = [];

    public List<(string Title, string Intro, IReadOnlyList<SqlStatement> Sql)> Floors { get; } = [];

    public string Render()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("<!-- Written by ./ptclinic.sh bench (bench/PtClinic.Benchmarks): edits here are lost at the next run. -->");
        md.AppendLine();
        md.AppendLine(
            "Our code path (a new DI scope, the mediator pipeline, the handler, EF Core) against its floor: the same " +
            "SQL sent raw through Npgsql in the same run. Regenerate with `./ptclinic.sh bench` (a few minutes, on a " +
            "throwaway PostgreSQL); `./ptclinic.sh bench --quick` for a rough look.");
        md.AppendLine();
        md.AppendLine("| benchmark | data | median | p95 | target | floor | ratio |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in Rows)
        {
            md.AppendLine($"| {r.Benchmark} | {r.Data} | {r.Median} | {r.P95} | {Escape(r.Target)} | {r.Floor} | {r.Ratio} |");
        }

        md.AppendLine();
        foreach (var note in Notes)
        {
            md.AppendLine(note);
            md.AppendLine();
        }

        md.AppendLine(HowMeasured);
        md.AppendLine();

        if (TimeSpent.Count > 0)
        {
            md.AppendLine("## Where the time goes");
            md.AppendLine();
            foreach (var line in TimeSpent)
            {
                md.AppendLine($"- {line}");
            }

            md.AppendLine();
        }

        if (Floors.Count > 0)
        {
            md.AppendLine("## The floors: SQL sent raw through Npgsql");
            md.AppendLine();
            foreach (var (title, intro, sql) in Floors)
            {
                md.AppendLine($"### {title}");
                md.AppendLine();
                md.AppendLine(intro);
                md.AppendLine();
                md.AppendLine("```sql");
                foreach (var statement in sql)
                {
                    md.AppendLine(statement.ToString());
                }

                md.AppendLine("```");
                md.AppendLine();
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    // A table cell must not contain a bare pipe.
    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
