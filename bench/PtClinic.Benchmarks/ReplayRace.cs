using System.Diagnostics;

namespace PtClinic.Benchmarks;

/// <summary>
/// Ours against the floor that replays the statements ours sent (captured once before timing):
/// warm-up of at least so many rounds and so long, then the measured rounds, ours and the replay
/// alternating call by call, who goes first swapping each round, as in patient-search.
/// </summary>
internal static class ReplayRace
{
    public static async Task<ReplayTimes> RunAsync(
        BenchDatabase database, IReadOnlyList<SqlStatement> script, Func<Task> ours, int warmup, TimeSpan minWarmup, int iterations, CancellationToken ct)
    {
        var times = new ReplayTimes();
        var steps = new SqlReplay.StepTimes(script.Count);
        GC.Collect();
        var warmupEnds = Stopwatch.GetTimestamp() + (long)(minWarmup.TotalSeconds * Stopwatch.Frequency);
        for (int round = 0, measuredRounds = 0; measuredRounds < iterations; round++)
        {
            var measured = round >= warmup && Stopwatch.GetTimestamp() >= warmupEnds;
            if (measured)
            {
                measuredRounds++;
            }
            else
            {
                times.WarmupRounds++;
            }

            for (var side = 0; side < 2; side++)
            {
                var started = Stopwatch.GetTimestamp();
                if ((side == 0) == (round % 2 == 0))
                {
                    await ours();
                    if (measured)
                    {
                        times.Ours.Add(Samples.Since(started));
                    }
                }
                else
                {
                    var stepMs = measured ? new double[script.Count] : null;
                    await SqlReplay.RunAsync(database.Raw, script, SqlReplay.ReadAll, stepMs, ct);
                    if (stepMs is not null)
                    {
                        times.Floor.Add(Samples.Since(started));
                        steps.Add(stepMs);
                    }
                }
            }
        }

        times.StepMedians = [.. steps.Medians().Select(s => (SqlReplay.Label(script[s.Step]), s.MedianMs))];
        return times;
    }
}

/// <summary>What <see cref="ReplayRace"/> measured: each side's calls, and the replay's median by statement.</summary>
internal sealed class ReplayTimes
{
    public int WarmupRounds { get; set; }

    public Samples Ours { get; } = new();

    public Samples Floor { get; } = new();

    public IReadOnlyList<(string Label, double MedianMs)> StepMedians { get; set; } = [];
}
