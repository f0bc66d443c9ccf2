using PtClinic.Domain.Common;

namespace PtClinic.Domain.Clinics;

/// <summary>The clinic logo's upload check: <see cref="ImageContent.Logo"/>, under the names the logo's code uses.</summary>
public static class LogoContent
{
    public const int MaxBytes = ImageContent.MaxBytes;

    public static string NotAnImage => ImageContent.Logo.NotAnImage;

    /// <summary>Also what a form says before uploading a file it can see is too large.</summary>
    public static string TooLarge(long length) => ImageContent.Logo.TooLarge(length);

    public static string ContentType(ImageFormat format) => ImageContent.ContentType(format);

    public static ImageCheck Check(byte[]? content) => ImageContent.Logo.Check(content);
}
