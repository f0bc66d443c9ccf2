using Microsoft.AspNetCore.Identity;

namespace PtClinic.Infrastructure.Identity;

/// <summary>A staff member's sign-in. Every user belongs to exactly one clinic.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int FullNameMaxLength = 120;

    public Guid ClinicId { get; set; }

    public string FullName { get; set; } = string.Empty;
}
