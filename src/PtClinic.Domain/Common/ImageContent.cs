using System.Text.RegularExpressions;
using System.Xml;

namespace PtClinic.Domain.Common;

public enum ImageFormat
{
    Png,
    Jpeg,
    Svg,
}

/// <summary>What a checked image file turned out to be, or why it was refused.</summary>
public sealed record ImageCheck(ImageFormat? Format, string? Problem)
{
    public bool IsAccepted => Format is not null;
}

/// <summary>
/// Decides what an uploaded image (the clinic's logo, a handout illustration) is from its bytes,
/// never from its name or the browser's word: a PNG or JPEG by its signature, an SVG by parsing it.
/// These images are shown in the app and printed on handouts, so an SVG may draw but not act: no
/// script, no event handler, nothing fetched from elsewhere (which would also tell a third party who
/// opened a handout). Each kind of image says its own name in the messages.
/// </summary>
public sealed partial class ImageContent
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private readonly string _subject;

    private ImageContent(string subject) => _subject = subject;

    public static ImageContent Logo { get; } = new("logo");

    public static ImageContent Illustration { get; } = new("illustration");

    public string NotAnImage => $"This file is not a PNG, JPEG or SVG image. Choose the {_subject} as one of those.";

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>Elements that run code or embed another document.</summary>
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
    };

    private static readonly HashSet<string> AnimationElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "set", "animate", "animateMotion", "animateTransform", "discard",
    };

    /// <summary>Also what a form says before uploading a file it can see is too large.</summary>
    public string TooLarge(long length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The {_subject} must be at most 2 MB (2,048 KB); this file is {(length + 1023) / 1024:N0} KB. Save it smaller and try again.");

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        _ => "image/svg+xml",
    };

    public ImageCheck Check(byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            return Refused($"Choose an image file for the {_subject}.");
        }

        if (content.Length > MaxBytes)
        {
            return Refused(TooLarge(content.Length));
        }

        if (content.AsSpan().StartsWith(PngSignature))
        {
            return new ImageCheck(ImageFormat.Png, null);
        }

        if (content.AsSpan().StartsWith(JpegSignature))
        {
            return new ImageCheck(ImageFormat.Jpeg, null);
        }

        return CheckSvg(content);
    }

    private ImageCheck CheckSvg(byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            // No DTD means no entities: nothing expands, nothing is fetched while parsing.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var sawRoot = false;
            var inStyle = 0;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (!sawRoot)
                        {
                            if (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace)
                            {
                                return Refused(NotAnImage);
                            }

                            sawRoot = true;
                        }

                        if (ElementProblem(reader) is { } problem)
                        {
                            return Refused(problem);
                        }

                        if (reader.LocalName.Equals("style", StringComparison.OrdinalIgnoreCase) && !reader.IsEmptyElement)
                        {
                            inStyle++;
                        }

                        break;
                    case XmlNodeType.EndElement when reader.LocalName.Equals("style", StringComparison.OrdinalIgnoreCase):
                        inStyle--;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle > 0 && RefersOutside(reader.Value):
                        return Refused(ExternalReference);
                    case XmlNodeType.ProcessingInstruction:
                        // <?xml-stylesheet href="…"?> would load a style sheet from elsewhere.
                        return Refused(ExternalReference);
                }
            }

            return sawRoot ? new ImageCheck(ImageFormat.Svg, null) : Refused(NotAnImage);
        }
        catch (XmlException)
        {
            return Refused(NotAnImage);
        }
    }

    private string ExternalReference =>
        $"The SVG {_subject} refers to something outside the file (a link, an image or a style sheet). Save it with everything embedded.";

    private string? ElementProblem(XmlReader element)
    {
        if (ActiveElements.Contains(element.LocalName))
        {
            return $"The SVG {_subject} contains a <{element.LocalName}> element, which could run code. Save the {_subject} without it.";
        }

        var animated = AnimationElements.Contains(element.LocalName);
        if (!element.MoveToFirstAttribute())
        {
            return null;
        }

        do
        {
            var name = element.LocalName;
            var value = element.Value;
            if (element.Prefix == "xmlns" || (element.Prefix.Length == 0 && name == "xmlns"))
            {
                continue; // a namespace declaration names a namespace; nothing is fetched
            }

            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                return $"The SVG {_subject} has an event handler ({name}), which could run code. Save the {_subject} without it.";
            }

            if (name.Equals("href", StringComparison.OrdinalIgnoreCase) && !value.TrimStart().StartsWith('#'))
            {
                return ExternalReference;
            }

            // <set attributeName="href" to="https://…"> would turn a local link into an outside one.
            if (animated && name == "attributeName"
                && (value.Contains("href", StringComparison.OrdinalIgnoreCase) || value.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            {
                return ExternalReference;
            }

            if (RefersOutside(value) || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                return ExternalReference;
            }
        }
        while (element.MoveToNextAttribute());

        element.MoveToElement();
        return null;
    }

    /// <summary>A CSS url(…) that is not a local #fragment, or an @import.</summary>
    private static bool RefersOutside(string css) =>
        css.Contains("@import", StringComparison.OrdinalIgnoreCase) || OutsideUrl().IsMatch(css);

    [GeneratedRegex("""url\(\s*(?!['"]?\s*#)""", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideUrl();

    private static ImageCheck Refused(string problem) => new(null, problem);
}
