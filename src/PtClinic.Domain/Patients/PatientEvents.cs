using PtClinic.Domain.Common;

namespace PtClinic.Domain.Patients;

/// <summary>
/// A patient's date of birth was corrected: every age worked out from it changes, the age at
/// opening of each of their episodes among them.
/// </summary>
public sealed class PatientDateOfBirthCorrected : IDomainEvent
{
    internal PatientDateOfBirthCorrected(Patient patient)
    {
        ClinicId = patient.ClinicId;
        PatientId = patient.Id;
    }

    public Guid ClinicId { get; }

    public Guid PatientId { get; }
}
