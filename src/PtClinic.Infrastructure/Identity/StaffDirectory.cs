using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Staff;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Reads staff from the Identity tables. Users carry no tenant query filter (sign-in must find a
/// user before any clinic is known), so every query here filters by clinic itself.
/// </summary>
internal sealed class StaffDirectory(AppDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMemberDto>> ListAsync(Guid clinicId, string? role, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId);
        if (!string.IsNullOrWhiteSpace(role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        return await Project(users.OrderBy(u => u.FullName).ThenBy(u => u.Id)).ToListAsync(ct);
    }

    public Task<StaffMemberDto?> FindAsync(Guid clinicId, Guid userId, CancellationToken ct) =>
        Project(db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId && u.Id == userId)).FirstOrDefaultAsync(ct);

    private IQueryable<StaffMemberDto> Project(IQueryable<ApplicationUser> users) =>
        users.Select(u => new StaffMemberDto(
            u.Id,
            u.FullName,
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(name => name)
                .ToList()));
}
