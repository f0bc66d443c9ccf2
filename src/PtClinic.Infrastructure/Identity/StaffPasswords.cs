using Microsoft.AspNetCore.Identity;

namespace PtClinic.Infrastructure.Identity;

/// <summary>The person's own password, chosen to replace a temporary one an admin gave them.</summary>
public sealed class StaffPasswords(UserManager<ApplicationUser> users)
{
    public const string SameAsTemporary = "Choose a password of your own, not the temporary one.";

    /// <summary>
    /// Replaces the password without asking for the temporary one again (the person has just
    /// signed in with it), checked by Identity's password rules. Errors are sentences for the form.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChooseAsync(ApplicationUser user, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.PasswordHash is not null
            && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, newPassword) != PasswordVerificationResult.Failed)
        {
            return [SameAsTemporary];
        }

        // Saved with the new password in one update; a refused password saves nothing.
        user.MustChangePassword = false;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (reset.Succeeded)
        {
            return [];
        }

        user.MustChangePassword = true;
        return [.. reset.Errors.Select(e => e.Description)];
    }
}
