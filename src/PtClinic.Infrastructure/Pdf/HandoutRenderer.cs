using PtClinic.Application.Features.Handouts;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>
/// Draws handouts with our own page model over SkiaSharp (docs/decisions/0019). One instance serves
/// every thread: fonts are loaded once for the process and pictures parsed once per image.
/// </summary>
public sealed class HandoutRenderer : IHandoutRenderer
{
    /// <summary>Far more than a clinic's illustrations and logo; bounds what uploads can hold in memory.</summary>
    private const int PicturesKept = 512;

    private readonly PictureCache pictures = new(PicturesKept);

    public byte[] Render(HandoutContent content) => RenderAll([content]);

    public byte[] RenderAll(IReadOnlyList<HandoutContent> contents)
    {
        if (contents.Count == 0)
        {
            throw new ArgumentException("There is no handout to print.", nameof(contents));
        }

        var first = contents[0];
        var title = contents.Count == 1
            ? $"Home exercise program for {first.Patient.Name}"
            : $"Home exercise programs ({contents.Count})";
        var sections = contents.Select(c => new HandoutTemplate(c, Picture).Section()).ToList();
        var info = new DocumentInfo(title, first.Clinic.Name, first.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return PdfDocument.Write(sections, info);
    }

    private Picture? Picture(HandoutImage? image) =>
        image is null ? null : pictures.Get(image.Hash, image.MediaType, image.Data);
}
