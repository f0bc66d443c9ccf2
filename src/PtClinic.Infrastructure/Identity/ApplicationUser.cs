using Microsoft.AspNetCore.Identity;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// A staff member's sign-in. Every user belongs to exactly one clinic and has a
/// <see cref="PtClinic.Domain.Staff.StaffMember"/> with the same id, which holds what the clinic
/// knows about the person (role, title, credentials, whether they are still active).
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int FullNameMaxLength = 120;

    public Guid ClinicId { get; set; }

    public string FullName { get; set; } = string.Empty;

    /// <summary>
    /// The password is a temporary one an admin handed out: until the person chooses their own,
    /// every page sends them to "Choose a new password".
    /// </summary>
    public bool MustChangePassword { get; set; }
}
