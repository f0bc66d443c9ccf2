using Microsoft.AspNetCore.Identity;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Endpoints;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with an antiforgery token, so a link on another site cannot sign a therapist out.
        endpoints.MapPost("/account/sign-out", async (SignInManager<ApplicationUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/sign-in");
        });
        return endpoints;
    }
}
