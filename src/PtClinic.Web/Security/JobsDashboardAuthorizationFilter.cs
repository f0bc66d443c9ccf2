using System.Net;
using System.Security.Claims;
using Hangfire.Dashboard;

namespace PtClinic.Web.Security;

/// <summary>
/// The Hangfire dashboard shows every clinic's jobs (their arguments, results and errors), so it is
/// for the people who run the host, never for a clinic role: the signed-in accounts whose email is
/// listed under <c>Jobs:DashboardAdministrators</c>. With no list, nobody may open it, except on a
/// developer's own machine (Development, request from localhost), where the developer is the host.
/// Hangfire answers 401 to anonymous requests and 403 to everyone else.
/// </summary>
public sealed class JobsDashboardAuthorizationFilter(IReadOnlyCollection<string> administrators, bool isDevelopment) : IDashboardAuthorizationFilter
{
    public const string AdministratorsKey = "Jobs:DashboardAdministrators";

    public static JobsDashboardAuthorizationFilter From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetSection(AdministratorsKey).Get<string[]>() ?? [], environment.IsDevelopment());

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return Allows(http.User, http.Connection.RemoteIpAddress);
    }

    public bool Allows(ClaimsPrincipal user, IPAddress? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (administrators.Count == 0)
        {
            return isDevelopment && remoteAddress is not null && IPAddress.IsLoopback(remoteAddress);
        }

        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name;
        return email is not null && administrators.Any(listed => string.Equals(listed.Trim(), email, StringComparison.OrdinalIgnoreCase));
    }
}
