using System.Security.Cryptography;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Passwords an admin reads out or writes down for a colleague, used once: three groups like
/// "Kq7t", without the characters people confuse (0/O, 1/l/I): 14 characters, so it passes the
/// length rule, and random, so it is on no list of common passwords. About 50 bits of randomness,
/// enough for a password that ten wrong guesses lock and that must be replaced at the first sign-in.
/// </summary>
internal static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate() => string.Join('-', Enumerable.Range(0, 3).Select(_ => Group()));

    private static string Group() => string.Create(4, 0, (chars, _) =>
    {
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Lower);
        chars[3] = Pick(Digits);
    });

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
