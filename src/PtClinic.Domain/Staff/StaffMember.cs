using PtClinic.Domain.Common;

namespace PtClinic.Domain.Staff;

/// <summary>
/// Someone who works at the clinic: their name, role, professional title, licence and credentials
/// (FHIR Practitioner with its PractitionerRole). The sign-in account is Identity's and shares this
/// id; this is what the clinic knows about the person, and it outlives their access: a deactivated
/// member keeps their record, and the notes they signed keep their name.
/// </summary>
public sealed class StaffMember : ITenantOwned
{
    public const int FullNameMaxLength = StaffRef.NameMaxLength;
    public const int EmailMaxLength = 254;
    public const int RoleMaxLength = 32;
    public const int TitleMaxLength = 120;
    public const int LicenceNumberMaxLength = 60;

    private readonly List<StaffCredential> _credentials = [];

    private StaffMember()
    {
        FullName = string.Empty;
        Email = string.Empty;
        Role = string.Empty;
    }

    /// <summary>The same id as the member's sign-in account.</summary>
    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    /// <summary>One of <see cref="StaffRoles.All"/>.</summary>
    public string Role { get; private set; }

    /// <summary>How the member signs their work, e.g. "Physiotherapist, MSc".</summary>
    public string? ProfessionalTitle { get; private set; }

    /// <summary>Professional registration number (e.g. HCPC PH123456).</summary>
    public string? LicenceNumber { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    public StaffRef? DeactivatedBy { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public IReadOnlyCollection<StaffCredential> Credentials => _credentials.AsReadOnly();

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public StaffRef AsStaffRef() => new(Id, FullName);

    public static StaffMember Join(
        Guid id,
        Guid clinicId,
        string fullName,
        string email,
        string role,
        string? professionalTitle,
        string? licenceNumber,
        DateTimeOffset at)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("A staff member needs an id.");
        }

        if (clinicId == Guid.Empty)
        {
            throw new DomainException("A staff member must belong to a clinic.");
        }

        var member = new StaffMember
        {
            Id = id,
            ClinicId = clinicId,
            Email = Guard.Required(email, "Email", EmailMaxLength),
            Role = KnownRole(role),
            JoinedAt = at,
        };
        member.UpdateProfile(fullName, professionalTitle, licenceNumber);
        return member;
    }

    public void UpdateProfile(string fullName, string? professionalTitle, string? licenceNumber)
    {
        FullName = Guard.Required(fullName, "Name", FullNameMaxLength);
        ProfessionalTitle = Guard.Optional(professionalTitle, "Professional title", TitleMaxLength);
        LicenceNumber = Guard.Optional(licenceNumber, "Licence number", LicenceNumberMaxLength);
    }

    /// <summary>
    /// Gives the member another role. An admin cannot change their own role: the last admin of a
    /// clinic would otherwise lock everyone out of administration.
    /// </summary>
    public void ChangeRole(string role, StaffRef by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var known = KnownRole(role);
        if (known == Role)
        {
            return;
        }

        if (by.UserId == Id)
        {
            throw new DomainException("You cannot change your own role; ask another admin.");
        }

        Role = known;
    }

    /// <summary>Ends the member's access. Their records stay, under their name.</summary>
    public void Deactivate(StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.UserId == Id)
        {
            throw new DomainException("You cannot deactivate your own account; ask another admin.");
        }

        if (!IsActive)
        {
            throw new DomainException($"{FullName} is already deactivated.");
        }

        DeactivatedAt = at;
        DeactivatedBy = by;
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            throw new DomainException($"{FullName} is already active.");
        }

        DeactivatedAt = null;
        DeactivatedBy = null;
    }

    /// <param name="clinicToday">The clinic's local date: a credential cannot be issued after it.</param>
    public StaffCredential AddCredential(
        CredentialKind kind,
        string issuer,
        string? number,
        DateOnly issuedOn,
        DateOnly? expiresOn,
        DateOnly clinicToday,
        DateTimeOffset at)
    {
        var credential = StaffCredential.Grant(this, kind, issuer, number, issuedOn, expiresOn, clinicToday, at);
        _credentials.Add(credential);
        return credential;
    }

    public void RemoveCredential(Guid credentialId)
    {
        var credential = _credentials.SingleOrDefault(c => c.Id == credentialId)
            ?? throw new DomainException("That credential is not on this staff member's record.");
        _credentials.Remove(credential);
    }

    /// <summary>Whether the member holds a current credential of this kind on the clinic's date (dry needling needs one).</summary>
    public bool HoldsCurrent(CredentialKind kind, DateOnly clinicToday) =>
        _credentials.Any(c => c.Kind == kind && c.IsCurrentOn(clinicToday));

    private static string KnownRole(string role) =>
        StaffRoles.All.Contains(role)
            ? role
            : throw new DomainException("Choose one of the clinic's roles: therapist, clinic manager, front desk or admin.");
}
