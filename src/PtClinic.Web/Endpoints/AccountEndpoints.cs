using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PtClinic.Infrastructure.Identity;
using PtClinic.Web.Components.Pages.Account;

namespace PtClinic.Web.Endpoints;

internal static class AccountEndpoints
{
    public const string IdleReason = "idle";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with an antiforgery token, so a link or a form on another site cannot sign a
        // therapist out. Signing out deletes the session on the server: a copy of the cookie is
        // worth nothing afterwards.
        endpoints.MapPost("/account/sign-out", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            await signInManager.SignOutAsync();
            if (form["reason"] == IdleReason)
            {
                var returnUrl = SignIn.SafeReturnUrl(form["returnUrl"]);
                return Results.LocalRedirect($"~/account/sign-in?reason={IdleReason}&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            }

            return Results.LocalRedirect("~/account/sign-in");
        }).DisableAntiforgery();
        return endpoints;
    }
}
