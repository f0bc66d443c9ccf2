using System.Diagnostics;
using System.Text.RegularExpressions;
using PtClinic.Infrastructure.Pdf;

namespace PtClinic.Benchmarks;

/// <summary>
/// handout, handout-vs-pdfsharp, handout-throughput: a typical handout through HandoutRenderer (our page
/// model over SkiaSharp), against the same pages at fixed positions drawn with bare SkiaSharp calls
/// (the floor) and by PDFsharp 6.2.4, alternating in one run; then handouts per second on two
/// threads, ours and the bare floor in alternate rounds. No database.
/// </summary>
internal sealed partial class HandoutBench(BenchOptions options, TextWriter log)
{
    public const int Threads = 2;

    public HandoutResult Run(CancellationToken ct)
    {
        var content = HandoutData.Typical();
        var renderer = new HandoutRenderer();
        var page = FixedHandout.For(content);
        var floor = new BareSkiaHandout(page);
        var pdfSharp = new PdfSharpHandout(page);
        var result = new HandoutResult(
            Pages(renderer.Render(content)), Pages(floor.Draw()), Pages(pdfSharp.Draw()),
            renderer.Render(content).Length, floor.Draw().Length, pdfSharp.Draw().Length);
        if (result.OursPages != result.FloorPages || result.OursPages != result.PdfSharpPages)
        {
            throw new BenchFailure($"handout: ours has {result.OursPages} pages, the floor {result.FloorPages}, PDFsharp {result.PdfSharpPages}");
        }

        Action[] sides = [() => renderer.Render(content), () => floor.Draw(), () => pdfSharp.Draw()];
        Samples[] samples = [result.Ours, result.Floor, result.PdfSharp];
        var warmupEnds = Stopwatch.GetTimestamp() + (long)(options.HandoutWarmup.TotalSeconds * Stopwatch.Frequency);
        for (int round = 0, measured = 0; measured < options.HandoutIterations; round++)
        {
            ct.ThrowIfCancellationRequested();
            var counts = Stopwatch.GetTimestamp() >= warmupEnds;
            measured += counts ? 1 : 0;
            // Who goes first rotates each round.
            for (var i = 0; i < sides.Length; i++)
            {
                var side = (round + i) % sides.Length;
                var started = Stopwatch.GetTimestamp();
                sides[side]();
                if (counts)
                {
                    samples[side].Add(Samples.Since(started));
                }
            }
        }

        log.WriteLine($"    ours {Format.Ms(result.Ours.Median)}, bare Skia {Format.Ms(result.Floor.Median)}, PDFsharp {Format.Ms(result.PdfSharp.Median)} (medians)");
        for (var round = 0; round < options.HandoutRounds; round++)
        {
            result.OursPerSecond.Add(PerSecond(() => renderer.Render(content), ct));
            result.FloorPerSecond.Add(PerSecond(() => floor.Draw(), ct));
        }

        log.WriteLine($"    {Format.PerSecond(result.OursPerSecond.Median)} ours, {Format.PerSecond(result.FloorPerSecond.Median)} bare Skia on {Threads} threads");
        return result;
    }

    /// <summary>Documents made per second by <see cref="Threads"/> threads drawing for one round.</summary>
    private double PerSecond(Action draw, CancellationToken ct)
    {
        var done = 0;
        var started = Stopwatch.GetTimestamp();
        var ends = started + (long)(options.HandoutRound.TotalSeconds * Stopwatch.Frequency);
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = ct }, _ =>
        {
            while (Stopwatch.GetTimestamp() < ends)
            {
                draw();
                Interlocked.Increment(ref done);
            }
        });
        return done / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Page objects in the file (neither Skia nor PDFsharp packs objects into compressed streams).</summary>
    private static int Pages(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}

internal sealed record HandoutResult(int OursPages, int FloorPages, int PdfSharpPages, int OursBytes, int FloorBytes, int PdfSharpBytes)
{
    public Samples Ours { get; } = new();

    public Samples Floor { get; } = new();

    public Samples PdfSharp { get; } = new();

    public Samples OursPerSecond { get; } = new();

    public Samples FloorPerSecond { get; } = new();
}
