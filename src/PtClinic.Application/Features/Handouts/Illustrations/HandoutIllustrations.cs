using System.Collections.Frozen;
using System.Security.Cryptography;
using PtClinic.Application.Common.Results;
using PtClinic.Domain.Common;

namespace PtClinic.Application.Features.Handouts.Illustrations;

/// <summary>
/// The pictures a handout prints beside each exercise and self-care item: a line drawing made for
/// this project for every home-program item of the catalog (embedded beside this file, one SVG per
/// intervention code, drawn by tools/handout-illustrations/draw.py), which an admin may replace with
/// an image of the clinic's own.
/// </summary>
public static partial class HandoutIllustrations
{
    public const string FieldName = "Illustration";

    private const string ResourcePrefix = "PtClinic.HandoutIllustrations.";
    private const string SvgMediaType = "image/svg+xml";

    // Parsed once per process: the renderer keeps what it parsed by hash, so the same bytes must
    // come back every time.
    private static readonly Lazy<FrozenDictionary<string, HandoutImage>> Defaults = new(Load);

    /// <summary>The intervention codes that have a built-in illustration.</summary>
    public static IReadOnlyCollection<string> Codes => Defaults.Value.Keys;

    /// <summary>The built-in illustration of a catalog item, or null for an item without one (a clinic's own exercise).</summary>
    public static HandoutImage? Default(string interventionCode) =>
        Defaults.Value.GetValueOrDefault(interventionCode);

    /// <summary>What an admin's replacement illustration must be: a PNG, JPEG or an SVG that only draws, at most 2 MB.</summary>
    public static ImageCheck CheckUpload(byte[]? content) => ImageContent.Illustration.Check(content);

    /// <summary>An uploaded replacement as the handout prints it, or why it cannot be one.</summary>
    public static Result<HandoutImage> FromUpload(byte[]? content)
    {
        var check = CheckUpload(content);
        if (check.Format is not { } format)
        {
            return Error.Validation(FieldName, check.Problem!);
        }

        return Image(content!, ImageContent.ContentType(format));
    }

    private static HandoutImage Image(byte[] data, string mediaType) =>
        new(Convert.ToHexStringLower(SHA256.HashData(data)), mediaType, data);

    private static FrozenDictionary<string, HandoutImage> Load()
    {
        var assembly = typeof(HandoutIllustrations).Assembly;
        var images = new Dictionary<string, HandoutImage>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".svg", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var code = name[ResourcePrefix.Length..^".svg".Length];
            images[code] = Image(bytes.ToArray(), SvgMediaType);
        }

        return images.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
