using System.Security.Cryptography;
using System.Text;
using PtClinic.Domain.Common;
using PtClinic.Domain.Treatment;

namespace PtClinic.UnitTests.Domain.Treatment;

public sealed class ClinicIllustrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StaffRef Admin = new(Guid.CreateVersion7(), "Priya Shah");
    private static readonly Guid ClinicId = Guid.CreateVersion7();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];

    private static byte[] Svg(string body) =>
        Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">{body}</svg>");

    [Fact]
    public void An_upload_keeps_the_image_its_type_from_the_content_its_hash_and_who_uploaded_it()
    {
        var illustration = ClinicIllustration.Upload(ClinicId, InterventionCatalog.GluteBridge, Png, Admin, Now);

        illustration.ShouldSatisfyAllConditions(
            i => i.Id.ShouldNotBe(Guid.Empty),
            i => i.ClinicId.ShouldBe(ClinicId),
            i => i.InterventionCode.ShouldBe(InterventionCatalog.GluteBridge),
            i => i.Content.ShouldBe(Png),
            i => i.ContentType.ShouldBe("image/png"),
            i => i.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Png))),
            i => (i.UploadedBy, i.UploadedAt).ShouldBe((Admin, Now)));
    }

    [Fact]
    public void Replacing_it_changes_picture_type_hash_and_uploader_and_keeps_the_item()
    {
        var illustration = ClinicIllustration.Upload(ClinicId, InterventionCatalog.GluteBridge, Png, Admin, Now);
        var other = new StaffRef(Guid.CreateVersion7(), "Sam Okafor");

        illustration.Replace(Jpeg, other, Now.AddHours(1));

        illustration.ShouldSatisfyAllConditions(
            i => i.InterventionCode.ShouldBe(InterventionCatalog.GluteBridge),
            i => i.Content.ShouldBe(Jpeg),
            i => i.ContentType.ShouldBe("image/jpeg"),
            i => i.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Jpeg))),
            i => (i.UploadedBy, i.UploadedAt).ShouldBe((other, Now.AddHours(1))));
    }

    [Fact]
    public void An_SVG_that_only_draws_is_kept_as_an_SVG()
    {
        ClinicIllustration.Upload(ClinicId, InterventionCatalog.GluteBridge, Svg("<circle cx=\"5\" cy=\"5\" r=\"4\"/>"), Admin, Now)
            .ContentType.ShouldBe("image/svg+xml");
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "program", "This file is not a PNG, JPEG or SVG image. Choose the illustration as one of those." },
        { "script", "The SVG illustration contains a <script> element, which could run code. Save the illustration without it." },
        { "oversized", "The illustration must be at most 2 MB (2,048 KB); this file is 2,049 KB. Save it smaller and try again." },
        { "empty", "Choose an image file for the illustration." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_file_that_is_not_a_safe_image_is_refused_and_a_replacement_leaves_the_picture_there_was(string bad, string message)
    {
        var content = bad switch
        {
            "program" => "MZ This program cannot be run in DOS mode."u8.ToArray(),
            "script" => Svg("<script>alert(1)</script>"),
            "oversized" => Oversized(),
            "empty" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };
        var illustration = ClinicIllustration.Upload(ClinicId, InterventionCatalog.GluteBridge, Png, Admin, Now);

        Should.Throw<DomainException>(() => ClinicIllustration.Upload(ClinicId, InterventionCatalog.GluteBridge, content, Admin, Now)).Message.ShouldBe(message);
        Should.Throw<DomainException>(() => illustration.Replace(content, Admin, Now.AddHours(1))).Message.ShouldBe(message);

        illustration.ShouldSatisfyAllConditions(
            i => i.Content.ShouldBe(Png),
            i => i.ContentType.ShouldBe("image/png"),
            i => i.UploadedAt.ShouldBe(Now));
    }

    [Fact]
    public void An_illustration_belongs_to_a_clinic_and_names_its_item()
    {
        Should.Throw<DomainException>(() => ClinicIllustration.Upload(Guid.Empty, InterventionCatalog.GluteBridge, Png, Admin, Now))
            .Message.ShouldBe("An illustration must belong to a clinic.");
        Should.Throw<DomainException>(() => ClinicIllustration.Upload(ClinicId, " ", Png, Admin, Now))
            .Message.ShouldBe("An illustration must name the catalog item it shows.");
        Should.Throw<DomainException>(() => ClinicIllustration.Upload(ClinicId, new string('a', InterventionDefinition.CodeMaxLength + 1), Png, Admin, Now))
            .Message.ShouldBe("An illustration must name the catalog item it shows.");
    }

    private static byte[] Oversized()
    {
        var content = new byte[ImageContent.MaxBytes + 1];
        Png.CopyTo(content, 0);
        return content;
    }
}
