using System.Security.Cryptography.X509Certificates;

namespace PtClinic.Web;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest. The keys protect sign-in cookies
/// and antiforgery tokens and are shared by every web node through PostgreSQL, so whoever reads the
/// database could forge a cookie unless they are encrypted.
/// </summary>
public static partial class DataProtectionCertificate
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string KeyManagerLogCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    /// <summary>The PFX named by <see cref="PathSetting"/>, or null when none is configured.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[PathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The data-protection certificate {path} ({PathSetting.Replace(":", "__", StringComparison.Ordinal)}) does not exist.");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting]);
    }

    public static void WarnUnencrypted(ILogger logger) => LogUnencrypted(logger);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data-protection keys (they protect sign-in cookies) are stored unencrypted in PostgreSQL. " +
        "In production set DataProtection__CertificatePath to a PFX certificate (and DataProtection__CertificatePassword) " +
        "so they are encrypted at rest; see deploy/README.md.")]
    private static partial void LogUnencrypted(ILogger logger);
}
