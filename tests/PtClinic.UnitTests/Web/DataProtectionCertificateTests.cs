using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using PtClinic.Web;

namespace PtClinic.UnitTests.Web;

public sealed class DataProtectionCertificateTests
{
    [Fact]
    public void Without_a_configured_certificate_the_keys_stay_unencrypted()
    {
        DataProtectionCertificate.Load(Configuration()).ShouldBeNull();
    }

    [Fact]
    public void A_configured_pfx_is_loaded_with_its_private_key()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PtClinic data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"ptclinic-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, "s3cret"));
        try
        {
            using var loaded = DataProtectionCertificate.Load(Configuration(
                (DataProtectionCertificate.PathSetting, path), (DataProtectionCertificate.PasswordSetting, "s3cret")));

            loaded.ShouldNotBeNull();
            loaded.Thumbprint.ShouldBe(created.Thumbprint);
            loaded.HasPrivateKey.ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_certificate_path_that_does_not_exist_stops_the_start_and_names_the_setting()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            DataProtectionCertificate.Load(Configuration((DataProtectionCertificate.PathSetting, "/nonexistent/keys.pfx"))));

        error.Message.ShouldContain("/nonexistent/keys.pfx");
        error.Message.ShouldContain("DataProtection__CertificatePath");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
