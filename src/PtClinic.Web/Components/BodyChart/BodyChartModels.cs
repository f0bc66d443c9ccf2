using System.Globalization;
using System.Text;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;

namespace PtClinic.Web.Components.BodyChart;

/// <summary>One third of one muscle on one side: what a therapist points at on the chart.</summary>
/// <param name="Side">Left or Right only; the chart has no "both sides" place to point at.</param>
public sealed record BodyChartSite(string MuscleCode, BodySide Side, MuscleZone Zone);

/// <summary>A knot as the chart draws it: where, how tender (0–10), active or latent, and where it refers pain.</summary>
public sealed record BodyChartKnot(
    Guid Id,
    BodyChartSite Site,
    int Tenderness,
    bool IsActive,
    IReadOnlyCollection<ReferredPainArea> ReferredPain);

/// <summary>
/// A point of the drawing. Anatomy is written once, for the patient's right side, with <see cref="X"/>
/// as the distance from the midline; <see cref="OnSide"/> turns that into chart coordinates on either side.
/// </summary>
internal readonly record struct ChartPoint(double X, double Y)
{
    public static ChartPoint operator +(ChartPoint a, ChartPoint b) => new(a.X + b.X, a.Y + b.Y);

    public static ChartPoint operator -(ChartPoint a, ChartPoint b) => new(a.X - b.X, a.Y - b.Y);

    public static ChartPoint operator *(ChartPoint a, double factor) => new(a.X * factor, a.Y * factor);

    public static ChartPoint Lerp(ChartPoint a, ChartPoint b, double t) => a + ((b - a) * t);

    public double Length => Math.Sqrt((X * X) + (Y * Y));

    public ChartPoint Normalized => this * (1 / Length);

    /// <summary>Seen from behind, the patient's left is on the viewer's left.</summary>
    public ChartPoint OnSide(BodySide side) =>
        new(side == BodySide.Left ? BodyChartAnatomy.MidlineX - X : BodyChartAnatomy.MidlineX + X, Y);
}

/// <summary>A cubic Bézier curve, split exactly (de Casteljau) where a muscle's thirds begin and end.</summary>
internal sealed record Cubic(ChartPoint P0, ChartPoint P1, ChartPoint P2, ChartPoint P3)
{
    private const int LengthSamples = 64;

    public ChartPoint At(double t) => Split(t).Before.P3;

    public Cubic Reversed => new(P3, P2, P1, P0);

    public Cubic OnSide(BodySide side) => new(P0.OnSide(side), P1.OnSide(side), P2.OnSide(side), P3.OnSide(side));

    /// <summary>The part of the curve between two parameters.</summary>
    public Cubic Segment(double from, double to)
    {
        var tail = from <= 0 ? this : Split(from).After;
        return to >= 1 ? tail : tail.Split((to - from) / (1 - from)).Before;
    }

    /// <summary>The parameter at a fraction of the curve's length, so thirds are thirds of the muscle, not of t.</summary>
    public double ParameterAtLength(double fraction)
    {
        var lengths = new double[LengthSamples + 1];
        for (var i = 1; i <= LengthSamples; i++)
        {
            lengths[i] = lengths[i - 1] + (At((double)i / LengthSamples) - At((double)(i - 1) / LengthSamples)).Length;
        }

        var target = fraction * lengths[LengthSamples];
        var index = Array.FindIndex(lengths, l => l >= target);
        if (index <= 0)
        {
            return 0;
        }

        var within = (target - lengths[index - 1]) / (lengths[index] - lengths[index - 1]);
        return (index - 1 + within) / LengthSamples;
    }

    private (Cubic Before, Cubic After) Split(double t)
    {
        var (a, b, c) = (ChartPoint.Lerp(P0, P1, t), ChartPoint.Lerp(P1, P2, t), ChartPoint.Lerp(P2, P3, t));
        var (d, e) = (ChartPoint.Lerp(a, b, t), ChartPoint.Lerp(b, c, t));
        var mid = ChartPoint.Lerp(d, e, t);
        return (new Cubic(P0, a, d, mid), new Cubic(mid, e, c, P3));
    }
}

/// <summary>Writes SVG path data with invariant numbers, one decimal.</summary>
internal sealed class SvgPath
{
    private readonly StringBuilder _data = new();

    public SvgPath MoveTo(ChartPoint p) => Append('M', p);

    public SvgPath LineTo(ChartPoint p) => Append('L', p);

    public SvgPath QuadTo(ChartPoint control, ChartPoint end) => Append('Q', control, end);

    public SvgPath CurveTo(Cubic curve) => Append('C', curve.P1, curve.P2, curve.P3);

    /// <summary>A closed sub-path through a chain of curves, each starting where the previous one ends.</summary>
    public SvgPath Shape(IEnumerable<Cubic> chain)
    {
        var first = true;
        foreach (var curve in chain)
        {
            if (first)
            {
                MoveTo(curve.P0);
                first = false;
            }

            CurveTo(curve);
        }

        return Close();
    }

    public SvgPath Close()
    {
        _data.Append('Z');
        return this;
    }

    public override string ToString() => _data.ToString();

    private SvgPath Append(char command, params ReadOnlySpan<ChartPoint> points)
    {
        _data.Append(command);
        foreach (var p in points)
        {
            _data.Append(CultureInfo.InvariantCulture, $"{p.X:0.#} {p.Y:0.#} ");
        }

        return this;
    }
}

/// <summary>
/// One fleshy belly of a muscle, bounded by two borders that both run from origin to insertion,
/// closed at each end by a straight line or, when a control point is given, a rounded cap.
/// </summary>
internal sealed record MuscleBelly(Cubic BorderA, Cubic BorderB, ChartPoint? OriginCap = null, ChartPoint? InsertionCap = null)
{
    /// <summary>The part of the belly between two fractions of its length; its fibres run lengthwise.</summary>
    public string PathBetween(double from, double to, BodySide side)
    {
        var a = BorderA.OnSide(side);
        var b = BorderB.OnSide(side);
        var aPart = a.Segment(a.ParameterAtLength(from), a.ParameterAtLength(to));
        var bPart = b.Segment(b.ParameterAtLength(from), b.ParameterAtLength(to)).Reversed;
        var path = new SvgPath().MoveTo(aPart.P0).CurveTo(aPart);
        Join(path, to >= 1 ? InsertionCap : null, bPart.P0, side);
        path.CurveTo(bPart);
        Join(path, from <= 0 ? OriginCap : null, aPart.P0, side);
        return path.Close().ToString();
    }

    /// <summary>The middle of the belly at a fraction of its length.</summary>
    public ChartPoint CentreAt(double fraction) => ChartPoint.Lerp(
        BorderA.At(BorderA.ParameterAtLength(fraction)),
        BorderB.At(BorderB.ParameterAtLength(fraction)),
        0.5);

    /// <summary>Lines between the borders that show which way the fibres run.</summary>
    public IEnumerable<string> FibrePaths(BodySide side, int count)
    {
        var (a, b) = (BorderA.OnSide(side), BorderB.OnSide(side));
        for (var i = 1; i <= count; i++)
        {
            var u = (double)i / (count + 1);
            var fibre = new Cubic(
                ChartPoint.Lerp(a.P0, b.P0, u),
                ChartPoint.Lerp(a.P1, b.P1, u),
                ChartPoint.Lerp(a.P2, b.P2, u),
                ChartPoint.Lerp(a.P3, b.P3, u));
            yield return new SvgPath().MoveTo(fibre.P0).CurveTo(fibre).ToString();
        }
    }

    private static void Join(SvgPath path, ChartPoint? cap, ChartPoint end, BodySide side)
    {
        if (cap is { } control)
        {
            path.QuadTo(control.OnSide(side), end);
        }
        else
        {
            path.LineTo(end);
        }
    }
}

/// <summary>How a catalog muscle is drawn. <paramref name="IsDeep"/> muscles lie under others but are drawn on top, outlined apart.</summary>
internal sealed record MuscleShape(string Code, IReadOnlyList<MuscleBelly> Bellies, bool IsDeep = false);

/// <summary>
/// A shape of the body around the muscles (skin, bone, tendon, muscles not in the catalog). A shape on the
/// midline (<paramref name="BothSides"/> false) is written across it, with negative X to the viewer's left.
/// </summary>
internal sealed record ContextShape(string CssClass, IReadOnlyList<Cubic> Outline, bool BothSides = true);

/// <summary>One clickable third, ready to render.</summary>
internal sealed record ZoneDrawing(BodyChartSite Site, string Label, string Path, ChartPoint Centre, ChartPoint Direction);

/// <summary>One muscle on one side, ready to render.</summary>
internal sealed record MuscleDrawing(
    Muscle Muscle,
    BodySide Side,
    bool IsDeep,
    IReadOnlyList<ZoneDrawing> Zones,
    string OutlinePath,
    IReadOnlyList<string> FibrePaths);
