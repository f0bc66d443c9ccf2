namespace PtClinic.Web.Components.Pages.Administration;

/// <summary>What the add and edit staff dialogs hold while an admin types; the commands validate it.</summary>
public sealed class StaffProfileModel
{
    public string FullName { get; set; } = "";

    public string? Role { get; set; }

    public string? ProfessionalTitle { get; set; }

    public string? LicenceNumber { get; set; }
}
