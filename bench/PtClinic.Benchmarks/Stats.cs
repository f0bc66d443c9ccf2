using System.Diagnostics;
using System.Globalization;

namespace PtClinic.Benchmarks;

/// <summary>Latency samples in milliseconds.</summary>
internal sealed class Samples
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void Add(double ms) => _ms.Add(ms);

    public void AddRange(Samples other) => _ms.AddRange(other._ms);

    public double Median => Percentile(0.50);

    public double P95 => Percentile(0.95);

    /// <summary>Nearest-rank percentile: the smallest sample with at least <paramref name="p"/> of them at or below it.</summary>
    public double Percentile(double p)
    {
        if (_ms.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        var sorted = _ms.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}

internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"4.2 ms"; microseconds under 0.1 ms, two decimals under 1 ms, none from 100 ms.</summary>
    public static string Ms(double ms) => ms switch
    {
        < 0.01 => (ms * 1000).ToString("0.0", Invariant) + " µs",
        < 0.1 => (ms * 1000).ToString("0", Invariant) + " µs",
        < 1 => ms.ToString("0.00", Invariant) + " ms",
        < 100 => ms.ToString("0.0", Invariant) + " ms",
        _ => ms.ToString("0", Invariant) + " ms",
    };

    /// <summary>"1830/s", no thousands separator.</summary>
    public static string PerSecond(double perSecond) => perSecond.ToString("0", Invariant) + "/s";

    public static string Ratio(double ratio) => ratio.ToString("0.00", Invariant) + "x";

    public static string Number(double value, string format = "0") => value.ToString(format, Invariant);
}
