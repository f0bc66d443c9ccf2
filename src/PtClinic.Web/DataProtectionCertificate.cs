using System.Security.Cryptography;
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

    /// <summary>When true and no file is at <see cref="PathSetting"/>, a self-signed one is made there (development).</summary>
    public const string CreateSetting = "DataProtection:CreateCertificate";
    public const string KeyManagerLogCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    /// <summary>The PFX named by <see cref="PathSetting"/>, or null when none is configured.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[PathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path) && configuration.GetValue(CreateSetting, false))
        {
            Create(path, configuration[PasswordSetting]);
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The data-protection certificate {path} ({PathSetting.Replace(":", "__", StringComparison.Ordinal)}) does not exist.");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting]);
    }

    /// <summary>
    /// A self-signed RSA certificate only its owner can read (mode 600), for a developer's own
    /// machine: the keys in the dev database are encrypted too, and nothing needs setting up.
    /// </summary>
    private static void Create(string path, string? password)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(
            "CN=PtClinic data protection (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        var pfx = certificate.Export(X509ContentType.Pfx, password);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        file.Write(pfx);
    }

    public static void WarnUnencrypted(ILogger logger) => LogUnencrypted(logger);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data-protection keys (they protect sign-in cookies) are stored unencrypted in PostgreSQL. " +
        "In production set DataProtection__CertificatePath to a PFX certificate (and DataProtection__CertificatePassword) " +
        "so they are encrypted at rest; see deploy/README.md.")]
    private static partial void LogUnencrypted(ILogger logger);
}
