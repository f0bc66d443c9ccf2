using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Adds the clinic and the person's name to the cookie, next to Identity's id and role claims, and
/// flags a temporary password so the web app can send the person to choose their own first, and
/// a missing authenticator the clinic requires, so it sends them to set one up. Identity rebuilds
/// these claims every minute, so a change of the clinic's rule reaches open sessions too.
/// </summary>
public sealed class ClinicUserClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var clinic = await db.Clinics.IgnoreQueryFilters()
            .Where(c => c.Id == user.ClinicId)
            .Select(c => new { c.Name, c.TimeZone, c.TwoFactorRequirement })
            .SingleAsync();

        identity.AddClaim(new Claim(ClinicClaimTypes.ClinicId, user.ClinicId.ToString()));
        identity.AddClaim(new Claim(ClinicClaimTypes.ClinicName, clinic.Name));
        identity.AddClaim(new Claim(ClinicClaimTypes.TimeZone, clinic.TimeZone));
        identity.AddClaim(new Claim(ClinicClaimTypes.FullName, user.FullName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ClinicClaimTypes.MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled && TwoFactorRules.Requires(clinic.TwoFactorRequirement, identity.FindAll(identity.RoleClaimType).Select(c => c.Value)))
        {
            identity.AddClaim(new Claim(ClinicClaimTypes.MustEnrolTwoFactor, "true"));
        }

        return identity;
    }
}
