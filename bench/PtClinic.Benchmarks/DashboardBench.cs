using System.Security.Claims;
using Npgsql;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Seeding.Synthetic;

namespace PtClinic.Benchmarks;

/// <summary>
/// dashboard: a clinic manager opens the outcomes dashboard of the busiest clinic for the last 12
/// months (GetOutcomeDashboardQuery through the real pipeline: the totals, the medians, the
/// therapist table, the monthly trends, the unsigned-notes backlog and the filter choices), on the
/// synthetic data <c>./ptclinic.sh seed --episodes 100000</c> writes, against the same statements
/// sent raw: every statement EF Core sent for it, captured once before timing and replayed, every
/// row read.
/// </summary>
internal sealed class DashboardBench(BenchDatabase database, BenchOptions options, TextWriter log)
{
    /// <summary>The seed of <c>./ptclinic.sh seed --episodes 100000 --no-demo</c>, with its default clinics and months.</summary>
    public static SeedOptions Seed(BenchOptions options) => new()
    {
        Episodes = options.Quick ? 10_000 : 100_000,
        IncludeDemoClinic = false,
    };

    public async Task<DashboardResult> RunAsync(CancellationToken ct)
    {
        var (clinicId, clinicEpisodes, totals) = await BusiestClinicAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var filter = new DashboardFilter(today.AddMonths(-12).AddDays(1), today);
        var manager = Staff.Member(clinicId, Guid.CreateVersion7(), "Bench Manager", StaffRoles.ClinicManager);

        IReadOnlyList<SqlStatement> script;
        OutcomeDashboardDto dashboard;
        using (var capture = await EfSqlCapture.StartAsync(ct))
        {
            dashboard = await OursAsync(manager, filter, ct);
            script = capture.Statements;
        }

        // The figures must be the data's: the episodes in range, counted here the most direct way.
        var expected = await EpisodesInRangeAsync(clinicId, filter, ct);
        if (dashboard.Summary.Episodes != expected || expected == 0)
        {
            throw new BenchFailure($"dashboard: the dashboard counts {dashboard.Summary.Episodes} episodes in the range, the table holds {expected}.");
        }

        var result = new DashboardResult(script)
        {
            ClinicEpisodes = clinicEpisodes,
            InRange = expected,
            Therapists = dashboard.Therapists.Count,
            Episodes = totals.Episodes,
            Visits = totals.Visits,
            Clinics = totals.Clinics,
        };
        result.Times = await ReplayRace.RunAsync(database, script, () => OursAsync(manager, filter, ct), options.DashboardWarmup, options.SearchMinWarmup, options.DashboardIterations, ct);
        log.WriteLine(
            $"  dashboard              ours {Format.Ms(result.Ours.Median),9} (p95 {Format.Ms(result.Ours.P95)})   floor {Format.Ms(result.Floor.Median),9} (p95 {Format.Ms(result.Floor.P95)})   {script.Count} statements");
        return result;
    }

    private async Task<OutcomeDashboardDto> OursAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct)
    {
        var result = await Staff.SendAsync(database.Services, user, new GetOutcomeDashboardQuery(filter), ct);
        return result.IsSuccess
            ? result.Value
            : throw new BenchFailure($"dashboard: the dashboard failed: {result.Error.Kind}: {result.Error.Message}");
    }

    private async Task<(Guid Clinic, long ClinicEpisodes, SeededTotals Totals)> BusiestClinicAsync(CancellationToken ct)
    {
        await using var command = database.Raw.CreateCommand(
            """
            SELECT (SELECT clinic_id FROM episode_outcomes GROUP BY clinic_id ORDER BY count(*) DESC LIMIT 1),
                   (SELECT count(*) FROM episode_outcomes GROUP BY clinic_id ORDER BY count(*) DESC LIMIT 1),
                   (SELECT count(*) FROM episodes), (SELECT count(*) FROM visits), (SELECT count(*) FROM clinics)
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.IsDBNull(0))
        {
            throw new BenchFailure("dashboard: the synthetic data has no episode outcome rows.");
        }

        return (reader.GetGuid(0), reader.GetInt64(1), new SeededTotals(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
    }

    private async Task<long> EpisodesInRangeAsync(Guid clinicId, DashboardFilter filter, CancellationToken ct)
    {
        await using var command = database.Raw.CreateCommand(
            """
            SELECT count(*) FROM episode_outcomes
            WHERE clinic_id = $1 AND opened_on <= $3 AND (discharged_on IS NULL OR discharged_on >= $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = clinicId });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.From });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.To });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

internal sealed record SeededTotals(long Episodes, long Visits, long Clinics);

internal sealed class DashboardResult(IReadOnlyList<SqlStatement> script)
{
    public IReadOnlyList<SqlStatement> Script { get; } = script;

    public long ClinicEpisodes { get; init; }

    public long InRange { get; init; }

    public int Therapists { get; init; }

    public long Episodes { get; init; }

    public long Visits { get; init; }

    public long Clinics { get; init; }

    public ReplayTimes Times { get; set; } = new();

    public int WarmupRounds => Times.WarmupRounds;

    public Samples Ours => Times.Ours;

    public Samples Floor => Times.Floor;

    public IReadOnlyList<(string Label, double MedianMs)> StepMedians => Times.StepMedians;
}
