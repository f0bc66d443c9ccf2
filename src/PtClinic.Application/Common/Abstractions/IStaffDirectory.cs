using PtClinic.Application.Features.Staff;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// The clinic's staff as pickers and record pages need them. Every lookup names the clinic
/// explicitly, so it reads the same with or without a signed-in user.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>
    /// The clinic's staff by name; only those holding <paramref name="role"/> when one is given, and
    /// deactivated members only when <paramref name="includeDeactivated"/> (names on old records).
    /// </summary>
    Task<IReadOnlyList<StaffMemberDto>> ListAsync(Guid clinicId, string? role, bool includeDeactivated, CancellationToken ct);

    /// <summary>One staff member of the clinic, active or not, or null when the id is unknown or belongs to another clinic.</summary>
    Task<StaffMemberDto?> FindAsync(Guid clinicId, Guid userId, CancellationToken ct);
}
