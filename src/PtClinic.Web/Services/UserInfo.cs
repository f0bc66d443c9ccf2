using System.Security.Claims;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Services;

/// <summary>What the pages show about the signed-in person, read from the sign-in cookie's claims.</summary>
public static class UserInfo
{
    public static string FullName(ClaimsPrincipal user) =>
        user.FindFirstValue(ClinicClaimTypes.FullName) ?? user.Identity?.Name ?? "";

    public static string ClinicName(ClaimsPrincipal user) => user.FindFirstValue(ClinicClaimTypes.ClinicName) ?? "";

    public static string RoleNames(ClaimsPrincipal user) =>
        string.Join(", ", StaffRoles.All.Where(user.IsInRole).Select(StaffRoles.DisplayName));
}
