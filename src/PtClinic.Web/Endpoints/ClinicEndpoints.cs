using Mediator;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Administration;

namespace PtClinic.Web.Endpoints;

internal static class ClinicEndpoints
{
    public const string LogoPath = "/clinic/logo";

    /// <summary>The logo's address; the upload time in it makes a new logo a new address, so no browser shows the old one.</summary>
    public static string LogoUrl(DateTimeOffset uploadedAt) => $"clinic/logo?v={uploadedAt.ToUnixTimeMilliseconds()}";

    public static IEndpointRouteBuilder MapClinicEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Any signed-in member of the clinic; the query reads their own clinic's logo only.
        endpoints.MapGet(LogoPath, async (ISender sender, HttpContext http, CancellationToken ct) =>
        {
            var logo = await sender.Send(new GetClinicLogoQuery(), ct);
            if (!logo.IsSuccess)
            {
                return logo.Error.Kind == ErrorKind.NotFound ? Results.NotFound() : Results.Forbid();
            }

            // Checked at upload, and still: the browser must take it as the image type we decided,
            // and an SVG opened on its own must not run or fetch anything.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return Results.File(logo.Value.Content, logo.Value.ContentType, lastModified: logo.Value.UploadedAt);
        });
        return endpoints;
    }
}
