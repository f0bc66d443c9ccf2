using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PtClinic.Infrastructure.Pdf;
using SkiaSharp;

namespace PtClinic.Benchmarks;

/// <summary>
/// The handout row's floor: the fixed pages drawn with bare SkiaSharp calls (no layout, no shaping:
/// Skia maps the characters itself), the same pictures parsed once, and the fonts cut down per
/// document exactly as ours are, so what is left between the two is our page model.
/// </summary>
internal sealed class BareSkiaHandout
{
    private readonly FixedHandout handout;
    private readonly Picture[] pictures;
    private readonly Dictionary<FontFace, (HashSet<ushort> Glyphs, HashSet<int> Characters)> used = [];

    public BareSkiaHandout(FixedHandout handout)
    {
        this.handout = handout;
        pictures = handout.Pictures.Select(p => Picture.Read(p.MediaType, p.Data)
            ?? throw new BenchFailure("handout: an illustration did not parse")).ToArray();
        foreach (var text in handout.Texts)
        {
            var face = text.Bold ? Fonts.Bold : Fonts.Regular;
            if (!used.TryGetValue(face, out var sets))
            {
                used[face] = sets = ([], []);
            }

            sets.Glyphs.UnionWith(face.Shape(text.Text).Glyphs);
            sets.Characters.UnionWith(text.Text.EnumerateRunes().Select(r => r.Value));
        }
    }

    public byte[] Draw()
    {
        var typefaces = used.ToDictionary(u => u.Key, u => FontSubsetter.Subset(u.Key, u.Value.Glyphs, u.Value.Characters)?.Typeface
            ?? throw new BenchFailure("handout: the floor could not subset its fonts"));
        var fonts = new Dictionary<(bool, float), SKFont>();
        using var paint = new SKPaint { IsAntialias = true };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, SKDocumentPdfMetadata.Default))
        {
            foreach (var page in handout.Pages)
            {
                var canvas = document.BeginPage(FixedHandout.Width, FixedHandout.Height);
                foreach (var op in page)
                {
                    switch (op)
                    {
                        case TextOp t:
                            if (!fonts.TryGetValue((t.Bold, t.Size), out var font))
                            {
                                fonts[(t.Bold, t.Size)] = font = new SKFont(typefaces[t.Bold ? Fonts.Bold : Fonts.Regular], t.Size);
                            }

                            paint.Style = SKPaintStyle.Fill;
                            paint.Color = t.Color;
                            canvas.DrawText(t.Text, t.X, t.Y, SKTextAlign.Left, font, paint);
                            break;
                        case BoxOp b:
                            if (b.Fill != SKColors.Empty)
                            {
                                paint.Style = SKPaintStyle.Fill;
                                paint.Color = b.Fill;
                                canvas.DrawRoundRect(b.Rect, 3, 3, paint);
                            }

                            paint.Style = SKPaintStyle.Stroke;
                            paint.StrokeWidth = 1;
                            paint.Color = b.Stroke;
                            canvas.DrawRoundRect(b.Rect, 3, 3, paint);
                            break;
                        case LineOp l:
                            paint.Style = SKPaintStyle.Stroke;
                            paint.StrokeWidth = l.Width;
                            paint.Color = l.Color;
                            canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, paint);
                            break;
                        case PictureOp p:
                            pictures[p.Index].Draw(canvas, p.Rect);
                            break;
                    }
                }

                document.EndPage();
            }

            document.Close();
        }

        foreach (var disposable in fonts.Values.Cast<IDisposable>().Concat(typefaces.Values))
        {
            disposable.Dispose();
        }

        return output.ToArray();
    }
}

/// <summary>
/// The same fixed pages drawn by PDFsharp 6.2.4 (MIT), with the same font files and the pictures as
/// PNG (PDFsharp draws no SVG), each XImage loaded once and kept, as PDFsharp is used at its best.
/// PDFsharp subsets the fonts itself.
/// </summary>
internal sealed class PdfSharpHandout
{
    private static readonly Lock ResolverGate = new();
    private readonly FixedHandout handout;
    private readonly XImage[] images;
    private readonly Dictionary<(bool, float), XFont> fonts = [];

    public PdfSharpHandout(FixedHandout handout)
    {
        lock (ResolverGate)
        {
            GlobalFontSettings.FontResolver ??= new LiberationResolver();
        }

        this.handout = handout;
        images = handout.Pictures.Select(p => XImage.FromStream(new MemoryStream(Png(p.MediaType, p.Data)))).ToArray();
    }

    public byte[] Draw()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        foreach (var page in handout.Pages)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(FixedHandout.Width);
            pdfPage.Height = XUnit.FromPoint(FixedHandout.Height);
            using var gfx = XGraphics.FromPdfPage(pdfPage);
            foreach (var op in page)
            {
                switch (op)
                {
                    case TextOp t:
                        gfx.DrawString(t.Text, Font(t.Bold, t.Size), new XSolidBrush(Color(t.Color)), t.X, t.Y, XStringFormats.BaseLineLeft);
                        break;
                    case BoxOp b:
                        var rect = new XRect(b.Rect.Left, b.Rect.Top, b.Rect.Width, b.Rect.Height);
                        var pen = new XPen(Color(b.Stroke), 1);
                        if (b.Fill != SKColors.Empty)
                        {
                            gfx.DrawRoundedRectangle(pen, new XSolidBrush(Color(b.Fill)), rect, new XSize(6, 6));
                        }
                        else
                        {
                            gfx.DrawRoundedRectangle(pen, rect, new XSize(6, 6));
                        }

                        break;
                    case LineOp l:
                        gfx.DrawLine(new XPen(Color(l.Color), l.Width), l.X1, l.Y1, l.X2, l.Y2);
                        break;
                    case PictureOp p:
                        gfx.DrawImage(images[p.Index], p.Rect.Left, p.Rect.Top, p.Rect.Width, p.Rect.Height);
                        break;
                }
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private XFont Font(bool bold, float size)
    {
        if (!fonts.TryGetValue((bold, size), out var font))
        {
            fonts[(bold, size)] = font = new XFont(LiberationResolver.Family, size,
                bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        }

        return font;
    }

    private static XColor Color(SKColor c) => XColor.FromArgb(c.Alpha, c.Red, c.Green, c.Blue);

    /// <summary>The illustration rasterised at twice its printed size (about 200 dpi), once.</summary>
    private static byte[] Png(string mediaType, byte[] data)
    {
        var picture = Picture.Read(mediaType, data) ?? throw new BenchFailure("handout: an illustration did not parse");
        using var bitmap = new SKBitmap(472, 354);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            picture.Draw(canvas, SKRect.Create(0, 0, 472, 354));
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private sealed class LiberationResolver : IFontResolver
    {
        public const string Family = "Liberation Sans";
        private static readonly byte[] Regular = Fonts.File("LiberationSans-Regular.ttf");
        private static readonly byte[] Bold = Fonts.File("LiberationSans-Bold.ttf");

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? "LiberationSans-Bold" : "LiberationSans-Regular");

        public byte[]? GetFont(string faceName) => faceName == "LiberationSans-Bold" ? Bold : Regular;
    }
}
