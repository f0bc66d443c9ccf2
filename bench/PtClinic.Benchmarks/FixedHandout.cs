using PtClinic.Application.Features.Handouts;
using PtClinic.Infrastructure.Pdf;
using SkiaSharp;

namespace PtClinic.Benchmarks;

/// <summary>Something to draw at a fixed place on a page (points, y down; text at its baseline).</summary>
internal abstract record PageOp;

internal sealed record TextOp(float X, float Y, string Text, bool Bold, float Size, SKColor Color) : PageOp;

internal sealed record BoxOp(SKRect Rect, SKColor Fill, SKColor Stroke) : PageOp;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Color, float Width) : PageOp;

internal sealed record PictureOp(int Index, SKRect Rect) : PageOp;

/// <summary>
/// The handout's pages worked out once, before timing, as what to draw where: the same text, boxes,
/// rules and pictures as HandoutRenderer prints, so the floors draw the same pages without a layout
/// model. Lines are wrapped here with Skia's measure, once.
/// </summary>
internal sealed class FixedHandout
{
    public const float Width = 595.28f, Height = 841.89f, Margin = 42;
    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A), Accent = new(0x1F, 0x4E, 0x79), Muted = new(0x55, 0x5B, 0x62),
        Hairline = new(0xC4, 0xCB, 0xD3), SafetyBackground = new(0xFD, 0xF3, 0xE8), SafetyBorder = new(0xD9, 0x82, 0x2B);

    private readonly List<List<PageOp>> pages = [[]];
    private float y = Margin;

    public IReadOnlyList<IReadOnlyList<PageOp>> Pages => pages;

    public IReadOnlyList<HandoutImage> Pictures { get; }

    private FixedHandout(HandoutContent content)
    {
        Pictures = content.Items.Select(i => i.Illustration!).ToList();
        Lines(content.Clinic.Name, true, 16, Accent, Margin, Width - 2 * Margin);
        Lines(content.Clinic.Address!, false, 9.5f, Muted, Margin, Width - 2 * Margin);
        Lines("Phone " + content.Clinic.Phone, false, 9.5f, Muted, Margin, Width - 2 * Margin);
        Rule(Accent, 1.5f, 10);
        y += 18;
        Lines("Your home exercise program", true, 21, Ink, Margin, Width - 2 * Margin);
        Lines($"Patient: {content.Patient.Name}    Therapist: {content.TherapistName}", false, 11, Ink, Margin, Width);
        Lines($"Date of birth: {content.Patient.DateOfBirth:d MMMM yyyy}    Issued: {content.IssuedOn:d MMMM yyyy}, version {content.Version}", false, 11, Ink, Margin, Width);
        y += 18;
        Lines("Your goals", true, 14, Accent, Margin, Width);
        foreach (var goal in content.Goals)
        {
            Lines("• " + goal, false, 11, Ink, Margin, Width - 2 * Margin);
        }

        y += 18;
        var boxTop = y;
        y += 12;
        Lines("Your safety", true, 14, SafetyBorder, Margin + 12, Width);
        foreach (var line in content.Safety.Warnings.Concat(content.Safety.RedFlagSymptoms))
        {
            Lines("• " + line, false, 11, Ink, Margin + 12, Width - 2 * Margin - 24);
        }

        y += 12;
        pages[^1].Insert(0, new BoxOp(new SKRect(Margin, boxTop, Width - Margin, y), SafetyBackground, SafetyBorder));
        y += 18;
        for (var i = 0; i < content.Items.Count; i++)
        {
            Item(content.Items[i], i);
        }

        NewPageUnlessFits(30 + content.Items.Count * 24);
        Lines("Your week", true, 14, Accent, Margin, Width);
        foreach (var item in content.Items)
        {
            pages[^1].Add(new TextOp(Margin + 5, y + 15, item.Name, false, 11, Ink));
            for (var d = 0; d < 7; d++)
            {
                pages[^1].Add(new BoxOp(SKRect.Create(Width - Margin - (7 - d) * 34 + 11, y + 6, 12, 12), SKColors.Empty, Muted));
            }

            pages[^1].Add(new LineOp(Margin, y + 24, Width - Margin, y + 24, Hairline, 0.75f));
            y += 24;
        }

        foreach (var (page, n) in pages.Select((p, i) => (p, i + 1)))
        {
            page.Add(new LineOp(Margin, Height - Margin - 16, Width - Margin, Height - Margin - 16, Hairline, 0.75f));
            page.Add(new TextOp(Margin, Height - Margin, $"{content.Clinic.Name} · Questions? Call {content.Clinic.Phone}", false, 8.5f, Muted));
            page.Add(new TextOp(Width - Margin - 50, Height - Margin, $"Page {n} of {pages.Count}", false, 8.5f, Muted));
        }
    }

    public static FixedHandout For(HandoutContent content) => new(content);

    /// <summary>Every text drawn, with its weight: what the embedded fonts must keep.</summary>
    public IEnumerable<TextOp> Texts => pages.SelectMany(p => p).OfType<TextOp>();

    private void Item(HandoutItem item, int index)
    {
        var textLeft = Margin + 132;
        var textWidth = Width - Margin - textLeft;
        var lines = item.Steps.Sum(s => Wrap(s, false, 11, textWidth - 20).Count) + 3
            + Wrap(item.Precautions ?? "", false, 11, Width - 2 * Margin).Count + (item.Note is null ? 0 : 2);
        NewPageUnlessFits(Math.Max(lines * 15, 110) + 20);
        Rule(Hairline, 0.75f, 8);
        var top = y;
        pages[^1].Add(new PictureOp(index, SKRect.Create(Margin, top, 118, 88.5f)));
        Lines(item.Name, true, 13, Ink, textLeft, textWidth);
        Lines(item.Dose, true, 11, Accent, textLeft, textWidth);
        foreach (var (step, n) in item.Steps.Select((s, i) => (s, i + 1)))
        {
            pages[^1].Add(new TextOp(textLeft, y + 11, $"{n}.", true, 11, Ink));
            Lines(step, false, 11, Ink, textLeft + 20, textWidth - 20);
        }

        y = Math.Max(y, top + 92) + 6;
        Lines("Take care: " + item.Precautions, false, 11, Ink, Margin, Width - 2 * Margin);
        if (item.Note is { } note)
        {
            pages[^1].Add(new BoxOp(SKRect.Create(Margin, y, Width - 2 * Margin, 22), new SKColor(0xF6, 0xF8, 0xFA), Hairline));
            y += 4;
            Lines("From your therapist: " + note, false, 11, Ink, Margin + 7, Width - 2 * Margin - 14);
            y += 4;
        }

        y += 14;
    }

    private void NewPageUnlessFits(float height)
    {
        if (y + height > Height - Margin - 30)
        {
            pages.Add([]);
            y = Margin;
            pages[^1].Add(new TextOp(Margin, y + 8, "Home exercise program for Ellen Marsh", false, 8.5f, Muted));
            y += 24;
        }
    }

    private void Rule(SKColor color, float width, float after)
    {
        pages[^1].Add(new LineOp(Margin, y, Width - Margin, y, color, width));
        y += after;
    }

    private void Lines(string text, bool bold, float size, SKColor color, float x, float width)
    {
        foreach (var line in Wrap(text, bold, size, width))
        {
            pages[^1].Add(new TextOp(x, y + size, line, bold, size, color));
            y += size * 1.35f;
        }
    }

    private static List<string> Wrap(string text, bool bold, float size, float width)
    {
        using var font = new SKFont((bold ? Fonts.Bold : Fonts.Regular).Typeface, size);
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                candidate = word;
            }

            line = candidate;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
