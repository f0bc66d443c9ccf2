using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Refuses the passwords attackers try first (ASVS 2.1.7): the 30,000 most common ones from
/// zxcvbn's list (Identity/CommonPasswords, MIT), also with digits or symbols stuck on either end
/// ("Password2026!"), and the person's own email. Length is Identity's rule (at least 12); there
/// are no rules about digits, capitals or symbols (ASVS 2.1.9).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MaximumLength = 128;

    public const string CommonMessage =
        "This password is on a list of common passwords that attackers try first. Choose another; a few unrelated words make a long password that is easy to remember.";

    public const string TooLongMessage = "Use at most 128 characters.";

    public const string EmailMessage = "Do not use your email as your password.";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        IdentityError? error =
            password.Length > MaximumLength ? new() { Code = "PasswordTooLong", Description = TooLongMessage }
            : IsCommon(password) ? new() { Code = "PasswordCommon", Description = CommonMessage }
            : string.Equals(password.Trim(), user.Email, StringComparison.OrdinalIgnoreCase) ? new() { Code = "PasswordIsEmail", Description = EmailMessage }
            : null;
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.Trim(Decorations);
        return Common.Value.Contains(lower) || core.Length == 0 || Common.Value.Contains(core);
    }

    private static readonly char[] Decorations = [.. "0123456789!@#$%^&*()-_=+.,;:?/\\|~`'\"[]{}<> "];

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("PtClinic.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
