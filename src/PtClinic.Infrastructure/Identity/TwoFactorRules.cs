using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;

namespace PtClinic.Infrastructure.Identity;

public static class TwoFactorRules
{
    /// <summary>Whether someone with these roles must sign in with an authenticator code in a clinic with this rule.</summary>
    public static bool Requires(TwoFactorRequirement requirement, IEnumerable<string> roles) => requirement switch
    {
        TwoFactorRequirement.Everyone => true,
        TwoFactorRequirement.AdminsAndManagers => roles.Any(r => r is StaffRoles.Admin or StaffRoles.ClinicManager),
        _ => false,
    };
}
