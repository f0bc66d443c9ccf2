namespace PtClinic.Domain.Staff;

/// <summary>The roles a staff member can hold; each user belongs to exactly one clinic.</summary>
public static class StaffRoles
{
    public const string Therapist = nameof(Therapist);
    public const string ClinicManager = nameof(ClinicManager);
    public const string FrontDesk = nameof(FrontDesk);
    public const string Admin = nameof(Admin);

    /// <summary>
    /// Not a staff role: what a message names to let PtClinic's own background work (acting for one
    /// clinic, nobody signed in) send it. No account holds it, so it is not in <see cref="All"/>.
    /// </summary>
    public const string System = nameof(System);

    public static IReadOnlyList<string> All { get; } = [Therapist, ClinicManager, FrontDesk, Admin];

    public static string DisplayName(string role) => role switch
    {
        ClinicManager => "Clinic manager",
        FrontDesk => "Front desk",
        _ => role,
    };
}
