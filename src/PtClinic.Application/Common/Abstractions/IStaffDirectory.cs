using PtClinic.Application.Features.Staff;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// The clinic's staff as the sign-in store knows them. Staff are not clinical rows (no tenant query
/// filter), so every lookup names the clinic explicitly.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>The clinic's staff by name; only those holding <paramref name="role"/> when one is given.</summary>
    Task<IReadOnlyList<StaffMemberDto>> ListAsync(Guid clinicId, string? role, CancellationToken ct);

    /// <summary>One staff member of the clinic, or null when the id is unknown or belongs to another clinic.</summary>
    Task<StaffMemberDto?> FindAsync(Guid clinicId, Guid userId, CancellationToken ct);
}
