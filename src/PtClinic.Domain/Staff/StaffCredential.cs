using PtClinic.Domain.Common;

namespace PtClinic.Domain.Staff;

/// <summary>
/// A certification or registration a staff member holds, with its expiry. Expiry is read on the
/// clinic's own calendar: a certificate valid "until 10 March" is valid all of 10 March where the
/// clinic is, whatever the UTC date is at that moment.
/// </summary>
public sealed class StaffCredential : ITenantOwned
{
    public const int IssuerMaxLength = 120;
    public const int NumberMaxLength = 60;

    private StaffCredential()
    {
        Issuer = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    public CredentialKind Kind { get; private set; }

    public string Issuer { get; private set; }

    public string? Number { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    /// <summary>The last day the credential is valid; null when it does not expire.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Past its last valid day on <paramref name="clinicToday"/>, the clinic's local date.</summary>
    public bool IsExpiredOn(DateOnly clinicToday) => ExpiresOn is { } lastDay && clinicToday > lastDay;

    /// <summary>Issued and not expired on <paramref name="clinicToday"/>.</summary>
    public bool IsCurrentOn(DateOnly clinicToday) => IssuedOn <= clinicToday && !IsExpiredOn(clinicToday);

    internal static StaffCredential Grant(
        StaffMember holder,
        CredentialKind kind,
        string issuer,
        string? number,
        DateOnly issuedOn,
        DateOnly? expiresOn,
        DateOnly clinicToday,
        DateTimeOffset at)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose a kind of credential.");
        }

        if (issuedOn > clinicToday)
        {
            throw new DomainException("A credential cannot be issued in the future.");
        }

        if (expiresOn is { } expiry && expiry < issuedOn)
        {
            throw new DomainException("A credential cannot expire before it was issued.");
        }

        return new StaffCredential
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = holder.ClinicId,
            StaffMemberId = holder.Id,
            Kind = kind,
            Issuer = Guard.Required(issuer, "Issuer", IssuerMaxLength),
            Number = Guard.Optional(number, "Credential number", NumberMaxLength),
            IssuedOn = issuedOn,
            ExpiresOn = expiresOn,
            AddedAt = at,
        };
    }
}
