using PtClinic.Domain.Common;

namespace PtClinic.Domain.Patients;

public enum ConsentKind
{
    Treatment,
    DryNeedling,
}

/// <summary>
/// A consent the patient gave, with the date and the staff member who recorded it (FHIR Consent).
/// Never edited: a withdrawal is recorded on it, and a new consent is a new record.
/// </summary>
public sealed class Consent : ITenantOwned
{
    public const int NoteMaxLength = 1000;

    private Consent()
    {
        RecordedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public ConsentKind Kind { get; private set; }

    public DateOnly GivenOn { get; private set; }

    /// <summary>For dry needling: the risks (pain, bruising, fainting, pneumothorax) were explained.</summary>
    public bool RisksExplained { get; private set; }

    /// <summary>The patient signed the consent form.</summary>
    public bool SignedByPatient { get; private set; }

    public string? Note { get; private set; }

    public StaffRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsActive => WithdrawnAt is null;

    internal static Consent Record(
        Patient patient,
        ConsentKind kind,
        DateOnly givenOn,
        bool risksExplained,
        bool signedByPatient,
        string? note,
        StaffRef recordedBy,
        DateTimeOffset at,
        DateOnly clinicToday)
    {
        if (givenOn > clinicToday)
        {
            throw new DomainException("A consent cannot be dated in the future.");
        }

        if (kind == ConsentKind.DryNeedling && !(risksExplained && signedByPatient))
        {
            throw new DomainException(
                "Dry-needling consent needs the risks explained and the patient's signature.");
        }

        return new Consent
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = patient.ClinicId,
            PatientId = patient.Id,
            Kind = kind,
            GivenOn = givenOn,
            RisksExplained = risksExplained,
            SignedByPatient = signedByPatient,
            Note = Guard.Optional(note, "Consent note", NoteMaxLength),
            RecordedBy = recordedBy,
            RecordedAt = at,
        };
    }

    internal void Withdraw(DateTimeOffset at)
    {
        if (WithdrawnAt is not null)
        {
            throw new DomainException("This consent was already withdrawn.");
        }

        WithdrawnAt = at;
    }
}
