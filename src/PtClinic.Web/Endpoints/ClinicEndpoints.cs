using Mediator;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Handouts;
using PtClinic.Web.Security;

namespace PtClinic.Web.Endpoints;

internal static class ClinicEndpoints
{
    public const string LogoPath = "/clinic/logo";

    /// <summary>The logo's address; the upload time in it makes a new logo a new address, so no browser shows the old one.</summary>
    public static string LogoUrl(DateTimeOffset uploadedAt) => $"clinic/logo?v={uploadedAt.ToUnixTimeMilliseconds()}";

    public const string IllustrationPath = "/clinic/illustrations/{code}";

    /// <summary>
    /// A home-program item's picture as the clinic's handouts print it. The upload time in it makes a
    /// new upload a new address; PtClinic's drawing (no upload time) has an address of its own, so
    /// going back to it is a new address too.
    /// </summary>
    public static string IllustrationUrl(string code, DateTimeOffset? uploadedAt) =>
        $"clinic/illustrations/{Uri.EscapeDataString(code)}?v={(uploadedAt is { } at ? at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : "drawn")}";

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

            UntrustedImageHeaders(http);
            return Results.File(logo.Value.Content, logo.Value.ContentType, lastModified: logo.Value.UploadedAt);
        });

        // Any signed-in member of the clinic: the clinic's own upload, else PtClinic's drawing.
        endpoints.MapGet(IllustrationPath, async (string code, ISender sender, HttpContext http, CancellationToken ct) =>
        {
            var illustration = await sender.Send(new GetIllustrationQuery(code), ct);
            if (!illustration.IsSuccess)
            {
                return illustration.Error.Kind switch
                {
                    ErrorKind.NotFound or ErrorKind.Validation => Results.NotFound(),
                    _ => Results.Forbid(),
                };
            }

            UntrustedImageHeaders(http);
            return Results.File(illustration.Value.Content, illustration.Value.ContentType, lastModified: illustration.Value.UploadedAt);
        });
        return endpoints;
    }

    /// <summary>
    /// Checked at upload, and still: the browser must take it as the image type we decided, and an
    /// SVG opened on its own must not run or fetch anything.
    /// </summary>
    private static void UntrustedImageHeaders(HttpContext http)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        SecurityHeaders.UseUploadedFilePolicy(http);
        http.Response.Headers.CacheControl = "private, max-age=86400";
    }
}
