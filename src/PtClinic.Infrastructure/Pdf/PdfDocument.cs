using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

public readonly record struct PageNumber(int Number, int Count);

/// <summary>
/// The paper and what repeats on each page of a section. Header and footer are asked for per page
/// (null: none on that page); their height must not depend on the page count, which is not known
/// until the body has been paginated.
/// </summary>
public sealed record PageSetup(SKSize Paper, float Margin, Func<PageNumber, Element?> Header, Func<PageNumber, Element?> Footer, float Gap)
{
    public static SKSize A4 { get; } = new(595.28f, 841.89f);

    public static SKSize UsLetter { get; } = new(612, 792);
}

/// <summary>A run of pages numbered on its own, e.g. one patient's handout in a printed batch.</summary>
public sealed record Section(PageSetup Page, Element Body);

public sealed record DocumentInfo(string Title, string Author, DateTime Created);

/// <summary>
/// Lays the sections out into pages first (so "Page N of M" knows M), then draws them into one PDF
/// with fonts cut down to the glyphs used.
/// </summary>
public static class PdfDocument
{
    public static byte[] Write(IReadOnlyList<Section> sections, DocumentInfo info, bool subsetFonts = true)
    {
        var context = new LayoutContext(float.MaxValue);
        var pages = sections.SelectMany(s => Paginate(s, context)).ToList();
        var fonts = EmbeddedFonts(context.Glyphs, subsetFonts);
        try
        {
            return Draw(pages, fonts, info);
        }
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Typeface.Dispose();
            }
        }
    }

    private sealed record LaidPage(SKSize Paper, List<(Slice Slice, float X, float Y)> Slices);

    private static List<LaidPage> Paginate(Section section, LayoutContext document)
    {
        var setup = section.Page;
        var width = setup.Paper.Width - 2 * setup.Margin;
        float Height(Element? element) => element is null ? 0 : element.LayWhole(document, width).Height + setup.Gap;
        float Top(int page) => setup.Margin + Height(setup.Header(new PageNumber(page, 0)));
        float Bottom(int page) => setup.Paper.Height - setup.Margin - Height(setup.Footer(new PageNumber(page, 0)));

        var context = document.ForPageBody(Bottom(1) - Top(1));
        var body = new List<Slice>();
        section.Body.Lay(context, width, body);

        var pages = new List<List<(Slice, float, float)>> { new() };
        var (y, bottom) = (Top(1), Bottom(1));
        foreach (var slice in body)
        {
            var page = pages[^1];
            if (page.Count > 0 && y + slice.SpaceBefore + slice.Height > bottom)
            {
                pages.Add(page = []);
                (y, bottom) = (Top(pages.Count), Bottom(pages.Count));
            }
            else if (page.Count > 0)
            {
                y += slice.SpaceBefore;
            }

            page.Add((slice, setup.Margin, y));
            y += slice.Height;
        }

        var laid = new List<LaidPage>();
        for (var n = 1; n <= pages.Count; n++)
        {
            var number = new PageNumber(n, pages.Count);
            var slices = pages[n - 1];
            if (setup.Header(number) is { } header)
            {
                slices.Add((header.LayWhole(document, width), setup.Margin, setup.Margin));
            }

            if (setup.Footer(number) is { } footer)
            {
                var slice = footer.LayWhole(document, width);
                slices.Add((slice, setup.Margin, setup.Paper.Height - setup.Margin - slice.Height));
            }

            laid.Add(new LaidPage(setup.Paper, slices));
        }

        return laid;
    }

    private static Dictionary<FontFace, EmbeddedFont> EmbeddedFonts(GlyphUsage glyphs, bool subset)
    {
        var fonts = new Dictionary<FontFace, EmbeddedFont>();
        if (subset)
        {
            foreach (var face in glyphs.Faces)
            {
                var (used, characters) = glyphs.Of(face);
                if (FontSubsetter.Subset(face, used, characters) is { } cut)
                {
                    fonts[face] = cut;
                }
            }
        }

        return fonts;
    }

    private static byte[] Draw(List<LaidPage> pages, Dictionary<FontFace, EmbeddedFont> fonts, DocumentInfo info)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = info.Title;
        metadata.Author = info.Author;
        metadata.Creator = "PtClinic";
        metadata.Producer = "PtClinic (SkiaSharp)";
        metadata.Creation = info.Created;
        metadata.Modified = info.Created;

        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var draw = new DrawContext(null!, fonts))
        {
            foreach (var page in pages)
            {
                draw.Canvas = document.BeginPage(page.Paper.Width, page.Paper.Height);
                foreach (var (slice, x, y) in page.Slices)
                {
                    slice.Paint(draw, x, y);
                }

                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }
}
