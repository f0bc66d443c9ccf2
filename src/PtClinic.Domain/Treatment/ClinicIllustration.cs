using System.Security.Cryptography;
using PtClinic.Domain.Common;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// A clinic's own picture for one home-program item of its catalog, printed on handouts instead of
/// the line drawing PtClinic ships for it. One per clinic and intervention code; removing it brings
/// the drawing back. Checked by content like the logo (<see cref="ImageContent.Illustration"/>).
/// </summary>
public sealed class ClinicIllustration : ITenantOwned
{
    private ClinicIllustration()
    {
        InterventionCode = ContentType = Hash = string.Empty;
        Content = [];
        UploadedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string InterventionCode { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>Decided from the content (image/png, image/jpeg, image/svg+xml).</summary>
    public string ContentType { get; private set; }

    /// <summary>SHA-256 of the content in lower-case hex: the handout renderer keeps what it parsed by it.</summary>
    public string Hash { get; private set; }

    public StaffRef UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static ClinicIllustration Upload(Guid clinicId, string interventionCode, byte[] content, StaffRef by, DateTimeOffset at)
    {
        if (clinicId == Guid.Empty)
        {
            throw new DomainException("An illustration must belong to a clinic.");
        }

        if (string.IsNullOrWhiteSpace(interventionCode) || interventionCode.Length > InterventionDefinition.CodeMaxLength)
        {
            throw new DomainException("An illustration must name the catalog item it shows.");
        }

        var illustration = new ClinicIllustration
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            InterventionCode = interventionCode,
        };
        illustration.Replace(content, by, at);
        return illustration;
    }

    /// <summary>A new picture for the same item; a refused file leaves the one there was.</summary>
    public void Replace(byte[] content, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        var check = ImageContent.Illustration.Check(content);
        if (check.Format is not { } format)
        {
            throw new DomainException(check.Problem!);
        }

        Content = content;
        ContentType = ImageContent.ContentType(format);
        Hash = Convert.ToHexStringLower(SHA256.HashData(content));
        UploadedBy = by;
        UploadedAt = at;
    }
}
