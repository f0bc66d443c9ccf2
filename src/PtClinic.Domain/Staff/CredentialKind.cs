namespace PtClinic.Domain.Staff;

/// <summary>What a staff credential attests (FHIR Practitioner.qualification).</summary>
public enum CredentialKind
{
    /// <summary>Required before a therapist may dry-needle a patient.</summary>
    DryNeedlingCertification,
    ProfessionalLicence,
    CprFirstAid,
    Other,
}
