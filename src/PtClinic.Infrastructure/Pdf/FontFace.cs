using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;
using HbFont = HarfBuzzSharp.Font;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>
/// One font file, loaded once for the process: HarfBuzz shapes text with it and Skia draws its glyphs.
/// Both objects are immutable once built, so every thread shapes and draws with the same ones.
/// </summary>
public sealed class FontFace
{
    // Ligatures are left out: a PDF maps a glyph back to text through the font's character map,
    // which has no entry for "fi", so a reader (or pdftotext) would lose those letters.
    private static readonly Feature[] NoLigatures = [new Feature(Tag.Parse("liga"), 0)];

    private readonly HbFont shaper;

    public FontFace(string name, byte[] data)
    {
        Name = name;
        Data = data;
        Typeface = SKTypeface.FromData(SKData.CreateCopy(data))
            ?? throw new InvalidOperationException($"Skia cannot read the font {name}.");
        HarfBuzzFace = FaceFrom(data);
        UnitsPerEm = HarfBuzzFace.UnitsPerEm;
        GlyphCount = HarfBuzzFace.GlyphCount;
        shaper = new HbFont(HarfBuzzFace);
        shaper.SetScale(UnitsPerEm, UnitsPerEm);
        using var font = new SKFont(Typeface, 1);
        var metrics = font.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
    }

    public string Name { get; }

    /// <summary>The font file as shipped, which the subsetter cuts down per document.</summary>
    public byte[] Data { get; }

    public SKTypeface Typeface { get; }

    internal Face HarfBuzzFace { get; }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    /// <summary>Above the baseline, per point of font size.</summary>
    public float Ascent { get; }

    /// <summary>Below the baseline, per point of font size.</summary>
    public float Descent { get; }

    /// <summary>Shapes one piece of left-to-right text; positions are per point of font size.</summary>
    public ShapedText Shape(string text)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        shaper.Shape(buffer, NoLigatures);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var glyphs = new ushort[infos.Length];
        var clusters = new int[infos.Length];
        var pens = new float[infos.Length + 1];
        var offsets = new float[infos.Length];
        float em = UnitsPerEm, pen = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            pens[i] = pen;
            offsets[i] = positions[i].XOffset / em;
            pen += positions[i].XAdvance / em;
        }

        pens[infos.Length] = pen;
        return new ShapedText(this, text, glyphs, clusters, pens, offsets);
    }

    /// <summary>
    /// The face over a copy of the font in native memory, kept for the life of the process: fonts are
    /// loaded once. (Blob.FromStream is not used: its memory is released when the garbage collector
    /// runs, while the face still reads it.)
    /// </summary>
    private static Face FaceFrom(byte[] data)
    {
        var memory = Marshal.AllocHGlobal(data.Length);
        Marshal.Copy(data, 0, memory, data.Length);
        using var blob = new Blob(memory, data.Length, MemoryMode.ReadOnly);
        var face = new Face(blob, 0);
        face.MakeImmutable();
        return face;
    }
}

/// <summary>Shaped text: glyph i belongs to character Clusters[i], starts at Pens[i] and is drawn Offsets[i] further.</summary>
public sealed record ShapedText(FontFace Face, string Text, ushort[] Glyphs, int[] Clusters, float[] Pens, float[] Offsets)
{
    public float Width => Pens[^1];
}
