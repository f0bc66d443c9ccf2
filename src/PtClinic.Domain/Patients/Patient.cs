using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;

namespace PtClinic.Domain.Patients;

/// <summary>A person the clinic treats (FHIR Patient). Identity within the clinic is the MRN.</summary>
public sealed class Patient : AggregateRoot, ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int MrnMaxLength = 20;
    public const int PhoneMaxLength = 32;
    public const int EmailMaxLength = 254;
    public const int OccupationMaxLength = 120;

    private readonly List<Consent> _consents = [];

    private Patient()
    {
        Mrn = string.Empty;
        GivenName = string.Empty;
        FamilyName = string.Empty;
        MedicalHistory = MedicalHistory.None;
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

    public string? Occupation { get; private set; }

    public MedicalHistory MedicalHistory { get; private set; }

    public IReadOnlyCollection<Consent> Consents => _consents;

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
        DateTimeOffset at,
        DateOnly clinicToday)
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
        patient.CorrectDateOfBirth(dateOfBirth, clinicToday);
        patient.Sex = sex;
        return patient;
    }

    public void Rename(string givenName, string familyName)
    {
        GivenName = Guard.Required(givenName, "Given name", NameMaxLength);
        FamilyName = Guard.Required(familyName, "Family name", NameMaxLength);
    }

    /// <summary>Whole years on the clinic's date.</summary>
    public int AgeOn(DateOnly clinicToday) => ClinicCalendar.AgeOn(DateOfBirth, clinicToday);

    public void CorrectDateOfBirth(DateOnly dateOfBirth, DateOnly today)
    {
        if (dateOfBirth > today)
        {
            throw new DomainException("Date of birth cannot be in the future.");
        }

        if (dateOfBirth != DateOfBirth)
        {
            DateOfBirth = dateOfBirth;
            Raise(new PatientDateOfBirthCorrected(this));
        }
    }

    public void ChangeSex(Sex sex) => Sex = sex;

    public void UpdateContact(string? phone, string? email)
    {
        Phone = Guard.Optional(phone, "Phone", PhoneMaxLength);
        Email = Guard.Optional(email, "Email", EmailMaxLength);
    }

    public void AssignMrn(string mrn) => Mrn = Guard.Required(mrn, "MRN", MrnMaxLength);

    public void ChangeOccupation(string? occupation) =>
        Occupation = Guard.Optional(occupation, "Occupation", OccupationMaxLength);

    public void RecordMedicalHistory(MedicalHistory history) => MedicalHistory = history;

    public Consent RecordConsent(
        ConsentKind kind,
        DateOnly givenOn,
        bool risksExplained,
        bool signedByPatient,
        string? note,
        StaffRef recordedBy,
        DateTimeOffset at,
        DateOnly clinicToday)
    {
        var consent = Consent.Record(this, kind, givenOn, risksExplained, signedByPatient, note, recordedBy, at, clinicToday);
        _consents.Add(consent);
        return consent;
    }

    public void WithdrawConsent(Guid consentId, DateTimeOffset at)
    {
        var consent = _consents.SingleOrDefault(c => c.Id == consentId)
            ?? throw new DomainException("That consent is not on this patient's record.");
        consent.Withdraw(at);
    }

    /// <summary>Whether a consent of this kind is on record and not withdrawn (safety rules read this).</summary>
    public bool HasActiveConsent(ConsentKind kind) => _consents.Any(c => c.Kind == kind && c.IsActive);
}
