using System.Runtime.InteropServices;
using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>The glyphs and characters a document's text uses, per font: what its embedded fonts must keep.</summary>
internal sealed class GlyphUsage
{
    private readonly Dictionary<FontFace, (HashSet<ushort> Glyphs, HashSet<int> Characters)> used = [];

    public IEnumerable<FontFace> Faces => used.Keys;

    public void Add(ShapedText shaped)
    {
        if (!used.TryGetValue(shaped.Face, out var sets))
        {
            sets = ([], []);
            used[shaped.Face] = sets;
        }

        sets.Glyphs.UnionWith(shaped.Glyphs);
        foreach (var rune in shaped.Text.EnumerateRunes())
        {
            sets.Characters.Add(rune.Value);
        }
    }

    public (IReadOnlySet<ushort> Glyphs, IReadOnlySet<int> Characters) Of(FontFace face) => used[face];
}

/// <summary>A font cut down for one document, and where each glyph of the whole font went in it.</summary>
public sealed record EmbeddedFont(SKTypeface Typeface, ushort[] NewGlyphs);

/// <summary>
/// Cuts a font down to the glyphs one document uses, with HarfBuzz's subsetter (in the native
/// library HarfBuzzSharp ships, which has no managed wrapper for it). Skia would embed the whole
/// font, and the time it takes grows with the font's glyph count (Liberation Sans 2 has over 2,600):
/// most of a handout's time without this (docs/decisions/0019). Text stays shaped with the whole
/// font; drawing renumbers its glyphs into the subset. The character map is kept for the glyphs
/// used, which is how a PDF reader maps them back to text.
/// </summary>
public static class FontSubsetter
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    // hb-subset.h: HB_SUBSET_FLAGS_NO_HINTING | NOTDEF_OUTLINE | NO_LAYOUT_CLOSURE. Printers and PDF
    // viewers do not need the hinting programs; the outline of .notdef is the box a character the
    // font lacks prints as; layout closure would add glyphs shaping could reach but did not use.
    private const uint Flags = 0x1 | 0x40 | 0x200;

    private const uint NoGlyph = uint.MaxValue;

    private static volatile bool unavailable;

    /// <summary>The font with only the given glyphs, or null if HarfBuzz could not cut it (the whole font is embedded then).</summary>
    public static EmbeddedFont? Subset(FontFace face, IReadOnlySet<ushort> glyphs, IReadOnlySet<int> characters)
    {
        if (unavailable)
        {
            return null;
        }

        try
        {
            return Cut(face, glyphs, characters);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
            return null;
        }
    }

    private static EmbeddedFont? Cut(FontFace face, IReadOnlySet<ushort> glyphs, IReadOnlySet<int> characters)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        var plan = IntPtr.Zero;
        try
        {
            hb_subset_input_set_flags(input, Flags);
            var glyphSet = hb_subset_input_glyph_set(input);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
            }

            var characterSet = hb_subset_input_unicode_set(input);
            foreach (var character in characters)
            {
                hb_set_add(characterSet, (uint)character);
            }

            plan = hb_subset_plan_create_or_fail(face.HarfBuzzFace.Handle, input);
            if (plan == IntPtr.Zero)
            {
                return null;
            }

            var map = hb_subset_plan_old_to_new_glyph_mapping(plan);
            var newGlyphs = new ushort[face.GlyphCount];
            foreach (var glyph in glyphs)
            {
                var moved = hb_map_get(map, glyph);
                if (moved == NoGlyph || moved > ushort.MaxValue || glyph >= newGlyphs.Length)
                {
                    return null;
                }

                newGlyphs[glyph] = (ushort)moved;
            }

            var bytes = Bytes(hb_subset_plan_execute_or_fail(plan));
            return bytes is null || SKTypeface.FromData(SKData.CreateCopy(bytes)) is not { } typeface
                ? null
                : new EmbeddedFont(typeface, newGlyphs);
        }
        finally
        {
            if (plan != IntPtr.Zero)
            {
                hb_subset_plan_destroy(plan);
            }

            hb_subset_input_destroy(input);
        }
    }

    private static byte[]? Bytes(IntPtr subset)
    {
        if (subset == IntPtr.Zero)
        {
            return null;
        }

        var blob = hb_face_reference_blob(subset);
        try
        {
            var data = hb_blob_get_data(blob, out var length);
            if (data == IntPtr.Zero || length == 0)
            {
                return null;
            }

            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(blob);
            hb_face_destroy(subset);
        }
    }

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_plan_create_or_fail(IntPtr source, IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_plan_destroy(IntPtr plan);

    [DllImport(HarfBuzz)]
    private static extern uint hb_map_get(IntPtr map, uint key);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(HarfBuzz)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(HarfBuzz)]
    private static extern void hb_face_destroy(IntPtr face);
}
