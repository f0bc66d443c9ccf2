using PtClinic.Domain.Common;

namespace PtClinic.Domain.Patients;

/// <summary>A person the clinic treats (FHIR Patient). Identity within the clinic is the MRN.</summary>
public sealed class Patient : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int MrnMaxLength = 20;
    public const int PhoneMaxLength = 32;
    public const int EmailMaxLength = 254;

    private Patient()
    {
        Mrn = string.Empty;
        GivenName = string.Empty;
        FamilyName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    /// <summary>Medical-record number, unique within the clinic.</summary>
    public string Mrn { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin): a stale edit is refused, never merged.</summary>
    public uint Version { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public static Patient Register(
        Guid clinicId,
        string mrn,
        string givenName,
        string familyName,
        DateOnly dateOfBirth,
        Sex sex,
        DateTimeOffset at)
    {
        if (clinicId == Guid.Empty)
        {
            throw new DomainException("A patient must belong to a clinic.");
        }

        var patient = new Patient
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            Mrn = Guard.Required(mrn, "MRN", MrnMaxLength),
            RegisteredAt = at,
        };
        patient.Rename(givenName, familyName);
        patient.CorrectDateOfBirth(dateOfBirth, DateOnly.FromDateTime(at.UtcDateTime));
        patient.Sex = sex;
        return patient;
    }

    public void Rename(string givenName, string familyName)
    {
        GivenName = Guard.Required(givenName, "Given name", NameMaxLength);
        FamilyName = Guard.Required(familyName, "Family name", NameMaxLength);
    }

    public void CorrectDateOfBirth(DateOnly dateOfBirth, DateOnly today)
    {
        if (dateOfBirth > today)
        {
            throw new DomainException("Date of birth cannot be in the future.");
        }

        DateOfBirth = dateOfBirth;
    }

    public void ChangeSex(Sex sex) => Sex = sex;

    public void UpdateContact(string? phone, string? email)
    {
        Phone = Guard.Optional(phone, "Phone", PhoneMaxLength);
        Email = Guard.Optional(email, "Email", EmailMaxLength);
    }

    public void AssignMrn(string mrn) => Mrn = Guard.Required(mrn, "MRN", MrnMaxLength);
}
