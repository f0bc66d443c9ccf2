using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Domain.Staff;
using PtClinic.Web.Services;

namespace PtClinic.Web.Components.Pages.Outcomes;

/// <summary>
/// The filter a dashboard page shows: the address's, over the last twelve months by default. A
/// therapist's is always their own caseload, whatever the address says (the query would refuse another).
/// </summary>
public static class DashboardPageFilter
{
    public static async Task<(DashboardFilter Filter, bool OwnCaseload)> ReadAsync(
        AuthenticationStateProvider authentication, ClinicTime time,
        string? from, string? to, string? therapist, string? region, string? cause, string? intervention)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(time);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var own = user.IsInRole(StaffRoles.Therapist) && !user.IsInRole(StaffRoles.ClinicManager) && !user.IsInRole(StaffRoles.Admin);
        await time.ZoneAsync();
        var today = time.Today;
        var filter = DashboardLinks.Parse(from, to, therapist, region, cause, intervention, DashboardLinks.DefaultFor(today, null));
        return own ? (filter with { TherapistId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null }, true) : (filter, false);
    }
}
