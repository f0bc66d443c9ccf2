using Mediator;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Handouts;

namespace PtClinic.Web.Endpoints;

/// <summary>
/// Handout PDFs: an issued version, downloaded as it was given, the preview of a plan's
/// handout, opened in the browser, and the day's handouts of a print run in one PDF. Signed-in staff only (the fallback policy sends anyone else to
/// sign in); the queries read the user's own clinic, so another clinic's id is a 404.
/// </summary>
internal static class HandoutEndpoints
{
    public static string DownloadUrl(Guid episodeId, Guid versionId) => $"episodes/{episodeId}/handouts/{versionId}.pdf";

    public static string PreviewUrl(Guid episodeId, Guid planId, bool largePrint) =>
        $"episodes/{episodeId}/plans/{planId}/handout-preview.pdf{(largePrint ? "?largePrint=true" : string.Empty)}";

    /// <summary>The combined PDF of the user's own print run of the day's handouts.</summary>
    public static string PrintRunUrl(Guid runId) => $"handouts/print-runs/{runId}.pdf";

    public static IEndpointRouteBuilder MapHandoutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/episodes/{episodeId:guid}/handouts/{versionId:guid}.pdf",
            async (Guid episodeId, Guid versionId, ISender sender, HttpContext http, CancellationToken ct) =>
                Pdf(http, await sender.Send(new GetHandoutPdfQuery(episodeId, versionId), ct), inline: false));
        endpoints.MapGet("/episodes/{episodeId:guid}/plans/{planId:guid}/handout-preview.pdf",
            async (Guid episodeId, Guid planId, bool? largePrint, ISender sender, HttpContext http, CancellationToken ct) =>
                Pdf(http, await sender.Send(new PreviewHandoutQuery(episodeId, planId, largePrint ?? false), ct), inline: true));
        endpoints.MapGet("/handouts/print-runs/{runId:guid}.pdf",
            async (Guid runId, ISender sender, HttpContext http, CancellationToken ct) =>
                Pdf(http, await sender.Send(new GetHandoutPrintRunPdfQuery(runId), ct), inline: false));
        return endpoints;
    }

    private static Microsoft.AspNetCore.Http.IResult Pdf(HttpContext http, Result<HandoutPdf> pdf, bool inline)
    {
        if (!pdf.IsSuccess)
        {
            return pdf.Error.Kind switch
            {
                ErrorKind.NotFound => Results.NotFound(),
                ErrorKind.Forbidden => Results.Forbid(),
                _ => Results.Problem(pdf.Error.Message, statusCode: StatusCodes.Status422UnprocessableEntity),
            };
        }

        // A patient's document: never kept by a shared cache, and taken as a PDF whatever it holds.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (inline)
        {
            // Opened in the browser's PDF viewer; saved from there under its own name.
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = pdf.Value.FileName }.ToString();
            return Results.File(pdf.Value.Content, "application/pdf");
        }

        return Results.File(pdf.Value.Content, "application/pdf", pdf.Value.FileName, lastModified: pdf.Value.IssuedAt);
    }
}
