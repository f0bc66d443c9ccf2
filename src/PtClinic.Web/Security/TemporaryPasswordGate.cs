using Microsoft.AspNetCore.Authorization;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Security;

/// <summary>
/// Someone signed in with a temporary password (a new account, or one an admin reset) sees
/// nothing but "Choose a new password" until they have chosen one: every other page and endpoint
/// that needs a signed-in user redirects there. Pages open to anyone (sign-in, static files,
/// health) stay as they are, and so does signing out.
/// </summary>
public static class TemporaryPasswordGate
{
    public const string ChoosePasswordPath = "/account/choose-password";

    public static IApplicationBuilder UseTemporaryPasswordGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (MustChoosePassword(context))
            {
                var returnUrl = context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{ChoosePasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
                return;
            }

            await next(context);
        });

    private static bool MustChoosePassword(HttpContext context) =>
        context.User.HasClaim(ClinicClaimTypes.MustChangePassword, "true")
        && !context.Request.Path.StartsWithSegments(ChoosePasswordPath)
        && !context.Request.Path.StartsWithSegments("/account/sign-out")
        && context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
