using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

internal static class StaffMemberLoading
{
    /// <summary>
    /// A staff member of the current clinic with their credentials, tracked for a change; null for
    /// an unknown id or another clinic's member (the clinic filter hides those).
    /// </summary>
    public static Task<StaffMember?> FindStaffMemberAsync(this IAppDbContext db, Guid id, CancellationToken ct) =>
        db.StaffMembers.Include(s => s.Credentials).FirstOrDefaultAsync(s => s.Id == id, ct);

    public const string What = "Staff member";
}
