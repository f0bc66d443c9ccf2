using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Staff;

namespace PtClinic.Benchmarks;

/// <summary>
/// today-flags: a therapist opens the Today list of a day with 20 visits whose patients each track 20
/// knot sites (GetTodayQuery through the real pipeline), against the same statements sent raw: every
/// statement EF Core sent for it, captured once before timing and replayed, every row read.
/// </summary>
internal sealed class TodayFlagsBench(BenchDatabase database, KnotData data, BenchOptions options, TextWriter log)
{
    public async Task<TodayFlagsResult> RunAsync(CancellationToken ct)
    {
        var user = Staff.Member(data.ClinicId, data.TodayTherapistId, "Bench Therapist", StaffRoles.Therapist);
        IReadOnlyList<SqlStatement> script;
        TodayDto today;
        using (var capture = await EfSqlCapture.StartAsync(ct))
        {
            today = await OursAsync(user, ct);
            script = capture.Statements;
        }

        if (today.Visits.Count != KnotData.TodayVisits)
        {
            throw new BenchFailure($"today-flags: the list has {today.Visits.Count} visits, the seed put {KnotData.TodayVisits} on it.");
        }

        // The stored states the list reads were written by the seed: they must be what a rebuild gives.
        var runner = database.Services.GetRequiredService<IClinicOperationRunner>();
        foreach (var patientId in today.Visits.Select(v => v.PatientId).Distinct())
        {
            var rebuild = await runner.SendAsync(ClinicActor.SystemOf(data.ClinicId), new RebuildPatientKnotStatesCommand(patientId), ct);
            if (!rebuild.IsSuccess || rebuild.Value.Changed != 0 || rebuild.Value.Sites != KnotData.SitesPerPatient)
            {
                throw new BenchFailure(
                    $"today-flags: the seeded knot states of patient {patientId} are not what a rebuild gives " +
                    $"({(rebuild.IsSuccess ? $"{rebuild.Value.Changed} of {rebuild.Value.Sites} sites changed" : rebuild.Error.Message)}).");
            }
        }

        var result = new TodayFlagsResult(script);
        var steps = new SqlReplay.StepTimes(script.Count);
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
                    var stepMs = measured ? new double[script.Count] : null;
                    await SqlReplay.RunAsync(database.Raw, script, SqlReplay.ReadAll, stepMs, ct);
                    if (stepMs is not null)
                    {
                        result.Floor.Add(Samples.Since(started));
                        steps.Add(stepMs);
                    }
                }
            }
        }

        result.StepMedians = [.. steps.Medians().Select(s => (SqlReplay.Label(script[s.Step]), s.MedianMs))];
        log.WriteLine(
            $"  today list             ours {Format.Ms(result.Ours.Median),9} (p95 {Format.Ms(result.Ours.P95)})   floor {Format.Ms(result.Floor.Median),9} (p95 {Format.Ms(result.Floor.P95)})   {script.Count} statements");
        return result;
    }

    /// <summary>The seeded day, named: with --reuse that day is no longer today, and the list is the same query either way.</summary>
    private async Task<TodayDto> OursAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await Staff.SendAsync(database.Services, user, new GetTodayQuery(data.Today), ct);
        return result.IsSuccess
            ? result.Value
            : throw new BenchFailure($"today-flags: the Today list failed: {result.Error.Kind}: {result.Error.Message}");
    }
}

internal sealed class TodayFlagsResult(IReadOnlyList<SqlStatement> script)
{
    public IReadOnlyList<SqlStatement> Script { get; } = script;

    public int WarmupRounds { get; set; }

    public Samples Ours { get; } = new();

    public Samples Floor { get; } = new();

    public IReadOnlyList<(string Label, double MedianMs)> StepMedians { get; set; } = [];
}
