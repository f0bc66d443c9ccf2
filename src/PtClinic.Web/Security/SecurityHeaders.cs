using System.Security.Cryptography;

namespace PtClinic.Web.Security;

/// <summary>
/// Headers every response carries. The Content-Security-Policy allows scripts from this site
/// only, plus the one inline script .NET writes (the import map), by a nonce made per response;
/// never eval. Styles allow inline: MudBlazor writes its theme as a style element and positions
/// popovers, menus and dialogs with style attributes, and cannot take a nonce. An injected style
/// can restyle a page but not run code, and no page takes style from user input.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "ptclinic.csp-nonce";
    private const string OwnPolicyKey = "ptclinic.csp-own";

    /// <summary>
    /// What a response that is an uploaded file (the logo, a handout illustration) carries instead
    /// of the pages' policy: nothing may load or run, in a sandbox. Set on the response directly it
    /// would be overwritten when the response starts, so it goes through here.
    /// </summary>
    public static void UseUploadedFilePolicy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[OwnPolicyKey] = UploadedFilePolicy;
    }

    public const string UploadedFilePolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    /// <summary>The nonce of this response's Content-Security-Policy, for an inline script the page must write.</summary>
    public static string NonceOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var nonce = NonceOf(context);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items[OwnPolicyKey] as string ?? Policy(nonce, context.Request.Path);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] =
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), " +
                    "magnetometer=(), gyroscope=(), accelerometer=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next(context);
        });

    /// <summary>
    /// The policy of a response. Hangfire's dashboard (admins only) writes its own inline scripts
    /// without a nonce, so under /jobs inline scripts are allowed; nowhere else.
    /// </summary>
    public static string Policy(string nonce, PathString path)
    {
        var scripts = path.StartsWithSegments("/jobs") ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";
        return string.Join("; ",
            "default-src 'self'",
            $"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }
}
