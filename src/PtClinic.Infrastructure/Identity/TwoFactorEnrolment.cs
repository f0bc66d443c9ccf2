using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Setting up an authenticator app on one's own account (TOTP, RFC 6238, Identity's own provider):
/// the key is shown, the app proves it has it with a code, and only then is it required at sign-in.
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<ApplicationUser> users, AppDbContext db)
{
    public const int RecoveryCodeCount = 10;

    public const string WrongCode = "That code does not match. Check the time on your phone is right and type the 6-digit code your app shows now.";

    /// <summary>The key to type or scan, made on first use and kept until the person confirms or starts again.</summary>
    public async Task<AuthenticatorKey> KeyAsync(ApplicationUser user, string issuer)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var account = user.Email ?? user.UserName ?? user.Id.ToString();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        return new AuthenticatorKey(key!, Grouped(key!), uri);
    }

    /// <summary>Turns two-factor sign-in on when the code matches; the recovery codes, shown once, else null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(ApplicationUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var digits = new string([.. (code ?? "").Where(char.IsAsciiDigit)]);
        if (digits.Length != 6
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return null;
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true), "turn on two-factor sign-in");
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
    }

    /// <summary>Forgets the key (a new phone means a new key) and signs in with the password alone again.</summary>
    public async Task TurnOffAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Check(await users.SetTwoFactorEnabledAsync(user, false), "turn off two-factor sign-in");
        Check(await users.ResetAuthenticatorKeyAsync(user), "forget the authenticator key");
    }

    /// <summary>Whether the person's clinic requires it of them: then they cannot turn it off.</summary>
    public async Task<bool> IsRequiredAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var requirement = await db.Clinics.IgnoreQueryFilters()
            .Where(c => c.Id == user.ClinicId).Select(c => c.TwoFactorRequirement).SingleAsync();
        return TwoFactorRules.Requires(requirement, await users.GetRolesAsync(user));
    }

    public Task<int> RecoveryCodesLeftAsync(ApplicationUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>Groups of four, the way an app's "enter a key" screen is easiest to type into.</summary>
    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <param name="Key">The base32 secret, as an app reads it.</param>
/// <param name="Grouped">The same, in groups of four, to type by hand.</param>
/// <param name="Uri">The otpauth:// link a QR code carries.</param>
public sealed record AuthenticatorKey(string Key, string Grouped, string Uri);
