using Hangfire.Dashboard;
using PtClinic.Domain.Staff;

namespace PtClinic.Web.Security;

/// <summary>
/// The Hangfire dashboard is for admins and clinic managers. Hangfire answers 401 to anonymous
/// requests and 403 to signed-in staff without one of these roles.
/// </summary>
public sealed class JobsDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true
            && (user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.ClinicManager));
    }
}
