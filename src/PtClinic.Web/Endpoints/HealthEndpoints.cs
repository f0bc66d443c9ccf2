using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PtClinic.Web.Endpoints;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Live: the process answers (no dependency checks, so a database outage does not restart nodes).
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // Ready: PostgreSQL answers; a load balancer sends traffic only then.
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return endpoints;
    }
}
