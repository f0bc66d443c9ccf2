using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>
/// A part of a page. Laid out at a width, it becomes slices: horizontal strips stacked down the page,
/// each of which pagination may move to the next page (a line of text, a row of a table, a whole
/// keep-together block).
/// </summary>
public abstract class Element
{
    public abstract void Lay(LayoutContext context, float width, List<Slice> slices);

    /// <summary>The element as one slice: it goes onto a page whole.</summary>
    public Slice LayWhole(LayoutContext context, float width)
    {
        var parts = new List<Slice>();
        Lay(context, width, parts);
        return Slice.Stack(parts);
    }
}

/// <summary>Draws a slice with its top-left corner at (x, y).</summary>
public delegate void Paint(DrawContext draw, float x, float y);

/// <param name="SpaceBefore">Space above the slice, dropped at the top of a page.</param>
public readonly record struct Slice(float Height, float SpaceBefore, Paint Paint)
{
    public static Slice Stack(IReadOnlyList<Slice> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var tops = new float[parts.Count];
        float y = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            y += i == 0 ? 0 : parts[i].SpaceBefore;
            tops[i] = y;
            y += parts[i].Height;
        }

        return new Slice(y, parts.Count == 0 ? 0 : parts[0].SpaceBefore, (draw, x, top) =>
        {
            for (var i = 0; i < parts.Count; i++)
            {
                parts[i].Paint(draw, x, top + tops[i]);
            }
        });
    }

    public Slice WithSpaceBefore(float space) => this with { SpaceBefore = SpaceBefore + space };
}

/// <summary>What layout needs beyond the width: how tall a block may be, and which glyphs the document uses.</summary>
public sealed class LayoutContext(float pageBodyHeight)
{
    /// <summary>A block taller than this cannot be kept on one page, so it is let split.</summary>
    public float PageBodyHeight { get; } = pageBodyHeight;

    internal GlyphUsage Glyphs { get; } = new();

    internal LayoutContext ForPageBody(float height) => new(height, Glyphs);

    private LayoutContext(float pageBodyHeight, GlyphUsage glyphs) : this(pageBodyHeight) => Glyphs = glyphs;
}

/// <summary>Where slices draw: the page's canvas, and the document's fonts and paints.</summary>
public sealed class DrawContext(SKCanvas canvas, IReadOnlyDictionary<FontFace, EmbeddedFont> embedded) : IDisposable
{
    private readonly Dictionary<(FontFace, float), SKFont> fonts = [];
    private readonly Dictionary<SKColor, SKPaint> fills = [];
    private readonly Dictionary<(SKColor, float), SKPaint> strokes = [];

    public SKCanvas Canvas { get; internal set; } = canvas;

    public SKFont Font(FontFace face, float size)
    {
        if (!fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(embedded.TryGetValue(face, out var cut) ? cut.Typeface : face.Typeface, size)
            {
                Subpixel = true,
                Edging = SKFontEdging.Antialias,
                Hinting = SKFontHinting.None,
            };
            fonts[(face, size)] = font;
        }

        return font;
    }

    /// <summary>Glyph ids of shaped text as the document's font numbers them (a subset renumbers its glyphs).</summary>
    public void Glyphs(FontFace face, ReadOnlySpan<ushort> shaped, Span<ushort> drawn)
    {
        if (embedded.TryGetValue(face, out var cut))
        {
            for (var i = 0; i < shaped.Length; i++)
            {
                drawn[i] = cut.NewGlyphs[shaped[i]];
            }
        }
        else
        {
            shaped.CopyTo(drawn);
        }
    }

    public SKPaint Fill(SKColor color)
    {
        if (!fills.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            fills[color] = paint;
        }

        return paint;
    }

    public SKPaint Stroke(SKColor color, float width)
    {
        if (!strokes.TryGetValue((color, width), out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
            strokes[(color, width)] = paint;
        }

        return paint;
    }

    public void Dispose()
    {
        foreach (var disposable in fonts.Values.Cast<IDisposable>().Concat(fills.Values).Concat(strokes.Values))
        {
            disposable.Dispose();
        }
    }
}
