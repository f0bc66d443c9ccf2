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

    /// <summary>The flags as the form offers them, worded as <see cref="MedicalHistory.Describe"/> shows them on the chart.</summary>
    public static IReadOnlyList<MedicalFlag> Flags { get; } =
    [
        new("Anticoagulant use", h => h.AnticoagulantUse, (h, v) => h with { AnticoagulantUse = v }),
        new("Bleeding disorder", h => h.BleedingDisorder, (h, v) => h with { BleedingDisorder = v }),
        new("Pregnancy", h => h.Pregnancy, (h, v) => h with { Pregnancy = v }),
        new("Needle phobia", h => h.NeedlePhobia, (h, v) => h with { NeedlePhobia = v }),
        new("Raynaud's", h => h.Raynauds, (h, v) => h with { Raynauds = v }),
        new("Impaired sensation", h => h.ImpairedSensation, (h, v) => h with { ImpairedSensation = v }),
        new("Lymphoedema", h => h.Lymphoedema, (h, v) => h with { Lymphoedema = v }),
        new("Active cancer", h => h.ActiveCancer, (h, v) => h with { ActiveCancer = v }),
        new("Recent surgery", h => h.RecentSurgery, (h, v) => h with { RecentSurgery = v }),
        new("History of deep-vein thrombosis", h => h.DeepVeinThrombosisHistory, (h, v) => h with { DeepVeinThrombosisHistory = v }),
        new("Metal / latex allergy", h => h.MetalOrLatexAllergy, (h, v) => h with { MetalOrLatexAllergy = v }),
    ];

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

public sealed record MedicalFlag(string Label, Func<MedicalHistory, bool> IsSet, Func<MedicalHistory, bool, MedicalHistory> Set);
