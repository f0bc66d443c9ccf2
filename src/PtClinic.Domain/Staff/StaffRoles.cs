namespace PtClinic.Domain.Staff;

/// <summary>The roles a staff member can hold; each user belongs to exactly one clinic.</summary>
public static class StaffRoles
{
    public const string Therapist = nameof(Therapist);
    public const string ClinicManager = nameof(ClinicManager);
    public const string FrontDesk = nameof(FrontDesk);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Therapist, ClinicManager, FrontDesk, Admin];

    public static string DisplayName(string role) => role switch
    {
        ClinicManager => "Clinic manager",
        FrontDesk => "Front desk",
        _ => role,
    };
}
