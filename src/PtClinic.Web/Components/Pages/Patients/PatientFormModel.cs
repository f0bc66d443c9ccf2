using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;

namespace PtClinic.Web.Components.Pages.Patients;

/// <summary>What the registration and edit forms hold while someone types; the commands validate it.</summary>
public sealed class PatientFormModel
{
    public string Mrn { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public DateTime? DateOfBirth { get; set; }

    public Sex? Sex { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Occupation { get; set; }

    public MedicalHistory MedicalHistory { get; set; } = MedicalHistory.None;

    /// <summary>The flags as the form offers them, worded as everywhere else they are shown.</summary>
    public static IReadOnlyList<MedicalHistoryFlag> Flags => MedicalHistory.Flags;

    public static PatientFormModel From(PatientDto patient) => new()
    {
        Mrn = patient.Mrn,
        GivenName = patient.GivenName,
        FamilyName = patient.FamilyName,
        DateOfBirth = patient.DateOfBirth.ToDateTime(TimeOnly.MinValue),
        Sex = patient.Sex,
        Phone = patient.Phone,
        Email = patient.Email,
        Occupation = patient.Occupation,
        MedicalHistory = patient.MedicalHistory,
    };

    public RegisterPatientCommand ToRegisterCommand() => new(
        GivenName, FamilyName, Born, Sex, Phone, Email, Mrn, Occupation, MedicalHistory);

    public EditPatientCommand ToEditCommand(Guid patientId, uint version) => new(
        patientId, version, Mrn, GivenName, FamilyName, Born, Sex, Phone, Email, Occupation, MedicalHistory);

    private DateOnly? Born => DateOfBirth is { } born ? DateOnly.FromDateTime(born) : null;
}
