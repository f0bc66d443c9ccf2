using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;

namespace PtClinic.Web.Components.Pages.Administration;

/// <summary>The words the administration pages use for what the domain stores.</summary>
public static class AdminText
{
    public static string Describe(CredentialKind kind) => kind switch
    {
        CredentialKind.DryNeedlingCertification => "Dry-needling certification",
        CredentialKind.ProfessionalLicence => "Professional licence / registration",
        CredentialKind.CprFirstAid => "CPR / first aid",
        _ => "Other",
    };

    /// <summary>Short enough for a chip in the staff table.</summary>
    public static string Short(CredentialKind kind) => kind switch
    {
        CredentialKind.DryNeedlingCertification => "Dry needling",
        CredentialKind.ProfessionalLicence => "Licence",
        CredentialKind.CprFirstAid => "First aid",
        _ => "Other",
    };

    public static string Describe(PaperSize size) => size switch
    {
        PaperSize.UsLetter => "US Letter (8.5 × 11 in)",
        _ => "A4 (210 × 297 mm)",
    };

    public static string Describe(TwoFactorRequirement requirement) => requirement switch
    {
        TwoFactorRequirement.Everyone => "Everyone",
        TwoFactorRequirement.AdminsAndManagers => "Admins and managers",
        _ => "No one (anyone may still turn it on)",
    };

    public static string Date(DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
