namespace PtClinic.Domain.Patients;

/// <summary>Administrative sex, as FHIR's AdministrativeGender.</summary>
public enum Sex
{
    Female,
    Male,
    Other,
    Unknown,
}
