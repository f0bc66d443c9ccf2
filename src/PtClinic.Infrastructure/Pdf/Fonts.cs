namespace PtClinic.Infrastructure.Pdf;

/// <summary>
/// The fonts handouts are printed in, shipped in the repository with their licence (Pdf/Fonts/OFL.txt)
/// so a PDF looks the same wherever it is made: Liberation Sans, metric-compatible with Arial.
/// </summary>
public static class Fonts
{
    private static readonly Lazy<FontFace> LazyRegular = new(() => Load("LiberationSans-Regular.ttf"));
    private static readonly Lazy<FontFace> LazyBold = new(() => Load("LiberationSans-Bold.ttf"));

    public static FontFace Regular => LazyRegular.Value;

    public static FontFace Bold => LazyBold.Value;

    /// <summary>The font file's bytes, e.g. for another engine to compare with.</summary>
    public static byte[] File(string fileName)
    {
        using var stream = typeof(Fonts).Assembly.GetManifestResourceStream("PtClinic.Fonts." + fileName)
            ?? throw new InvalidOperationException($"The font {fileName} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static FontFace Load(string fileName) => new(fileName, File(fileName));
}
