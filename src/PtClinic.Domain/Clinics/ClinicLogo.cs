using PtClinic.Domain.Common;

namespace PtClinic.Domain.Clinics;

/// <summary>
/// The clinic's logo, one per clinic, kept in the database beside everything else it owns (a row
/// of its own, so reading the clinic's settings never drags up to 2 MB along).
/// </summary>
public sealed class ClinicLogo : ITenantOwned
{
    private ClinicLogo()
    {
        Content = [];
        ContentType = string.Empty;
        UploadedBy = default!;
    }

    /// <summary>Also the key: a clinic has at most one logo.</summary>
    public Guid ClinicId { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>Decided from the content (image/png, image/jpeg, image/svg+xml).</summary>
    public string ContentType { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public StaffRef UploadedBy { get; private set; }

    public static ClinicLogo Upload(Guid clinicId, byte[] content, StaffRef by, DateTimeOffset at)
    {
        if (clinicId == Guid.Empty)
        {
            throw new DomainException("A logo must belong to a clinic.");
        }

        var logo = new ClinicLogo { ClinicId = clinicId };
        logo.Replace(content, by, at);
        return logo;
    }

    public void Replace(byte[] content, StaffRef by, DateTimeOffset at)
    {
        var check = LogoContent.Check(content);
        if (check.Format is not { } format)
        {
            throw new DomainException(check.Problem!);
        }

        Content = content;
        ContentType = LogoContent.ContentType(format);
        UploadedBy = by;
        UploadedAt = at;
    }
}
