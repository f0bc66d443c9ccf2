using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, refusing a staff member an admin deactivated (Identity answers NotAllowed),
/// and one without a staff record at all.
/// </summary>
public sealed class ClinicSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AppDbContext db)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await base.CanSignInAsync(user) && await IsActiveStaffAsync(user);
    }

    /// <summary>
    /// Also checked when a cookie is re-validated: deactivating changes the security stamp, and
    /// this keeps a deactivated member out even if the stamp were left alone.
    /// </summary>
    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        await base.ValidateSecurityStampAsync(user, securityStamp) && await IsActiveStaffAsync(user!);

    /// <summary>Sign-in comes before any clinic is known, so the clinic filter is set aside here.</summary>
    private Task<bool> IsActiveStaffAsync(ApplicationUser user) =>
        db.StaffMembers.IgnoreQueryFilters()
            .AnyAsync(s => s.Id == user.Id && s.ClinicId == user.ClinicId && s.DeactivatedAt == null);
}
