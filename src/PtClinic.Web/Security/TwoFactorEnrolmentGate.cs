using Microsoft.AspNetCore.Authorization;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Security;

/// <summary>
/// Someone the clinic requires to sign in with an authenticator app, who has not set one up, sees
/// nothing but their account page (where they set it up) until they have: like
/// <see cref="TemporaryPasswordGate"/>, which comes first.
/// </summary>
public static class TwoFactorEnrolmentGate
{
    public const string ProfilePath = "/account/profile";

    public static IApplicationBuilder UseTwoFactorEnrolmentGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (MustEnrol(context))
            {
                var returnUrl = context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{ProfilePath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
                return;
            }

            await next(context);
        });

    private static bool MustEnrol(HttpContext context) =>
        context.User.HasClaim(ClinicClaimTypes.MustEnrolTwoFactor, "true")
        && !context.Request.Path.StartsWithSegments(ProfilePath)
        && !context.Request.Path.StartsWithSegments("/account/sign-out")
        && context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
