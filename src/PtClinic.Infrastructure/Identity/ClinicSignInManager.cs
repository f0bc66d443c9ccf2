using System.Security.Cryptography;
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
/// and one without a staff record at all. Every answer costs the same work: an unknown email, a
/// deactivated or locked account still run the password hasher, so the time taken does not tell
/// which emails have accounts. Every outcome is reported to <see cref="ISignInEvents"/>.
/// </summary>
public sealed class ClinicSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AppDbContext db,
    ISignInEvents events,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        SignInResult result;
        if (user is null)
        {
            // The same queries and the same hashing as a wrong password for a real account.
            await IsActiveStaffAsync(Guid.Empty, Guid.Empty);
            VerifyDummyPassword(password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        await RecordAsync(Outcome(result), user, userName);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordTwoFactorAsync(result, user, SignInOutcome.Succeeded);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordTwoFactorAsync(result, user, SignInOutcome.RecoveryCodeUsed);
        return result;
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await base.CanSignInAsync(user) && await IsActiveStaffAsync(user.Id, user.ClinicId);
    }

    /// <summary>
    /// Also checked when a cookie is re-validated: deactivating changes the security stamp, and
    /// this keeps a deactivated member out even if the stamp were left alone.
    /// </summary>
    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        await base.ValidateSecurityStampAsync(user, securityStamp) && await IsActiveStaffAsync(user!.Id, user.ClinicId);

    /// <summary>Identity refuses a deactivated or locked account before it hashes; hash anyway, for the time it takes.</summary>
    protected override async Task<SignInResult?> PreSignInCheck(ApplicationUser user)
    {
        var refused = await base.PreSignInCheck(user);
        if (refused is not null)
        {
            VerifyDummyPassword("not a password");
        }

        return refused;
    }

    private void VerifyDummyPassword(string password)
    {
        var hash = _dummyHash ??= UserManager.PasswordHasher.HashPassword(
            new ApplicationUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        UserManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), hash, password);
    }

    private Task RecordTwoFactorAsync(SignInResult result, ApplicationUser? user, SignInOutcome success) =>
        RecordAsync(
            result.Succeeded ? success : result.IsLockedOut ? SignInOutcome.LockedOut : result.IsNotAllowed ? SignInOutcome.NotAllowed : SignInOutcome.TwoFactorFailed,
            user,
            user?.Email ?? "");

    private Task RecordAsync(SignInOutcome outcome, ApplicationUser? user, string emailTried) =>
        events.RecordAsync(
            new SignInEvent(outcome, user?.Id, emailTried, Context.Connection.RemoteIpAddress?.ToString(), clock.GetUtcNow()),
            Context.RequestAborted);

    private static SignInOutcome Outcome(SignInResult result) =>
        result.Succeeded ? SignInOutcome.Succeeded
        : result.RequiresTwoFactor ? SignInOutcome.TwoFactorRequired
        : result.IsLockedOut ? SignInOutcome.LockedOut
        : result.IsNotAllowed ? SignInOutcome.NotAllowed
        : SignInOutcome.Failed;

    /// <summary>Sign-in comes before any clinic is known, so the clinic filter is set aside here.</summary>
    private Task<bool> IsActiveStaffAsync(Guid userId, Guid clinicId) =>
        db.StaffMembers.IgnoreQueryFilters()
            .AnyAsync(s => s.Id == userId && s.ClinicId == clinicId && s.DeactivatedAt == null);
}
