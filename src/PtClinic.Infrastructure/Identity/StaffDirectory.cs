using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Staff;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Reads staff members. The clinic is always named by the caller, so the clinic filter is set
/// aside and replaced by an explicit one: the same answer whoever is signed in.
/// </summary>
internal sealed class StaffDirectory(AppDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMemberDto>> ListAsync(Guid clinicId, string? role, bool includeDeactivated, CancellationToken ct)
    {
        var staff = db.StaffMembers.IgnoreQueryFilters().AsNoTracking().Where(s => s.ClinicId == clinicId);
        if (!string.IsNullOrWhiteSpace(role))
        {
            staff = staff.Where(s => s.Role == role);
        }

        if (!includeDeactivated)
        {
            staff = staff.Where(s => s.DeactivatedAt == null);
        }

        var rows = await staff.OrderBy(s => s.FullName).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.FullName, s.Role, Active = s.DeactivatedAt == null })
            .ToListAsync(ct);
        return rows.Select(s => new StaffMemberDto(s.Id, s.FullName, [s.Role], s.Active)).ToList();
    }

    public async Task<StaffMemberDto?> FindAsync(Guid clinicId, Guid userId, CancellationToken ct)
    {
        var row = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ClinicId == clinicId && s.Id == userId)
            .Select(s => new { s.Id, s.FullName, s.Role, Active = s.DeactivatedAt == null })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new StaffMemberDto(row.Id, row.FullName, [row.Role], row.Active);
    }
}
