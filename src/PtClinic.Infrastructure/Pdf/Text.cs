using System.Text;
using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

/// <param name="Size">In points.</param>
/// <param name="LineHeight">The line's height as a multiple of the size.</param>
public sealed record TextStyle(float Size, bool Bold = false, SKColor Color = default, float LineHeight = 1.3f)
{
    public FontFace Face => Bold ? Fonts.Bold : Fonts.Regular;

    public SKColor Ink => Color == default ? SKColors.Black : Color;

    public TextStyle InBold() => this with { Bold = true };

    public TextStyle Colored(SKColor color) => this with { Color = color };

    public TextStyle Sized(float size) => this with { Size = size };
}

/// <summary>A run of text in one style.</summary>
public sealed record Span(string Text, TextStyle Style);

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A paragraph of styled spans, shaped with HarfBuzz and wrapped at spaces to the width (a word
/// longer than a line is broken where it must be). Each line is a slice. The text is drawn exactly as
/// given: nothing in it is markup; a line break in it starts a new line.
/// </summary>
public sealed class Text(IReadOnlyList<Span> spans, TextAlign align = TextAlign.Left) : Element
{
    public Text(string text, TextStyle style, TextAlign align = TextAlign.Left)
        : this([new Span(text, style)], align)
    {
    }

    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        var lines = new LineBreaker(width);
        foreach (var span in spans)
        {
            var paragraphs = Printable(span.Text).Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    lines.BreakLine(span.Style);
                }

                if (paragraphs[p].Length > 0)
                {
                    var shaped = span.Style.Face.Shape(paragraphs[p]);
                    context.Glyphs.Add(shaped);
                    lines.Add(span.Style, shaped);
                }
            }
        }

        foreach (var line in lines.Finish(spans.Count > 0 ? spans[^1].Style : null))
        {
            slices.Add(LineSlice(line, width));
        }
    }

    private Slice LineSlice(Line line, float width)
    {
        var shift = align switch
        {
            TextAlign.Center => (width - line.Width) / 2,
            TextAlign.Right => width - line.Width,
            _ => 0,
        };
        var height = line.Styles.Max(s => s.Size * s.LineHeight);
        var baseline = line.Styles.Max(s => (s.Size * s.LineHeight - (s.Face.Ascent + s.Face.Descent) * s.Size) / 2 + s.Face.Ascent * s.Size);
        return new Slice(height, 0, (draw, x, y) => DrawLine(draw, line, x + shift, y + baseline));
    }

    /// <summary>One text blob per colour on the line, one run per piece in it.</summary>
    private static void DrawLine(DrawContext draw, Line line, float x, float baseline)
    {
        foreach (var colour in line.Pieces.Select(p => p.Style.Ink).Distinct())
        {
            using var builder = new SKTextBlobBuilder();
            foreach (var piece in line.Pieces.Where(p => p.Style.Ink == colour && p.End > p.Start))
            {
                var (shaped, size, count) = (piece.Shaped, piece.Style.Size, piece.End - piece.Start);
                var glyphs = new ushort[count];
                draw.Glyphs(shaped.Face, shaped.Glyphs.AsSpan(piece.Start, count), glyphs);
                var origin = shaped.Pens[piece.Start];
                var positions = new SKPoint[count];
                for (var i = 0; i < count; i++)
                {
                    var g = piece.Start + i;
                    positions[i] = new SKPoint(piece.X + (shaped.Pens[g] - origin + shaped.Offsets[g]) * size, 0);
                }

                builder.AddPositionedRun(glyphs, draw.Font(shaped.Face, size), positions);
            }

            using var blob = builder.Build();
            if (blob is not null)
            {
                draw.Canvas.DrawText(blob, x, baseline, draw.Fill(colour));
            }
        }
    }

    /// <summary>Line breaks made plain, tabs as spaces, other control characters dropped.</summary>
    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var printable = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is '\n' or '\r')
            {
                printable.Append('\n');
            }
            else if (c == '\t')
            {
                printable.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }

    /// <summary>Glyphs [Start, End) of shaped text, drawn X points into the line.</summary>
    private sealed record Piece(TextStyle Style, ShapedText Shaped, int Start, int End, float X);

    private sealed record Line(List<Piece> Pieces, List<TextStyle> Styles, float Width);

    /// <summary>
    /// Greedy line breaking: words (text up to and including the spaces after it, possibly across
    /// spans) go onto the line while they fit.
    /// </summary>
    private sealed class LineBreaker(float width)
    {
        private readonly List<Line> lines = [];
        private readonly List<(TextStyle Style, ShapedText Shaped, int Start, int End, int SpaceEnd)> word = [];
        private List<Piece> pieces = [];
        private List<TextStyle> styles = [];
        private float x;        // where the next word starts on the current line
        private float inked;    // the line's width without its trailing spaces

        public void Add(TextStyle style, ShapedText shaped)
        {
            var text = shaped.Text;
            var g = 0;
            var glyphs = shaped.Glyphs.Length;
            while (g < glyphs)
            {
                // One word: glyphs of non-space characters, then those of the spaces after them.
                var start = g;
                while (g < glyphs && text[shaped.Clusters[g]] != ' ')
                {
                    g++;
                }

                var end = g;
                while (g < glyphs && text[shaped.Clusters[g]] == ' ')
                {
                    g++;
                }

                word.Add((style, shaped, start, end, g));
                if (g > end)
                {
                    PlaceWord();
                }
            }
        }

        public void BreakLine(TextStyle style)
        {
            PlaceWord();
            if (pieces.Count == 0)
            {
                styles.Add(style);
            }

            NewLine();
        }

        public List<Line> Finish(TextStyle? style)
        {
            PlaceWord();
            if (pieces.Count > 0 || (lines.Count == 0 && style is not null))
            {
                if (pieces.Count == 0 && style is not null)
                {
                    styles.Add(style);
                }

                NewLine();
            }

            return lines;
        }

        private void PlaceWord()
        {
            if (word.Count == 0)
            {
                return;
            }

            var inkWidth = word.Sum(p => Advance(p.Style, p.Shaped, p.Start, p.End));
            if (x > 0 && x + inkWidth > width)
            {
                NewLine();
            }

            foreach (var part in word)
            {
                if (x == 0 && Advance(part.Style, part.Shaped, part.Start, part.End) > width)
                {
                    PlaceBroken(part);
                    continue;
                }

                Put(part.Style, part.Shaped, part.Start, part.End, part.SpaceEnd);
            }

            word.Clear();
        }

        /// <summary>A word wider than the line: as many glyphs as fit on each line.</summary>
        private void PlaceBroken((TextStyle Style, ShapedText Shaped, int Start, int End, int SpaceEnd) part)
        {
            var start = part.Start;
            while (start < part.End)
            {
                var end = start + 1;
                while (end < part.End && x + Advance(part.Style, part.Shaped, start, end + 1) <= width)
                {
                    end++;
                }

                Put(part.Style, part.Shaped, start, end, end == part.End ? part.SpaceEnd : end);
                if (end < part.End)
                {
                    NewLine();
                }

                start = end;
            }
        }

        private void Put(TextStyle style, ShapedText shaped, int start, int end, int spaceEnd)
        {
            pieces.Add(new Piece(style, shaped, start, spaceEnd, x));
            styles.Add(style);
            inked = x + Advance(style, shaped, start, end);
            x += Advance(style, shaped, start, spaceEnd);
        }

        private void NewLine()
        {
            lines.Add(new Line(pieces, styles, inked));
            pieces = [];
            styles = [];
            x = 0;
            inked = 0;
        }

        private static float Advance(TextStyle style, ShapedText shaped, int start, int end) =>
            (shaped.Pens[end] - shaped.Pens[start]) * style.Size;
    }
}
