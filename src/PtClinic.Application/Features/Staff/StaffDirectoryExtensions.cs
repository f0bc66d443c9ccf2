using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Common;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Staff;

/// <summary>The staff questions the episode and visit use cases ask.</summary>
internal static class StaffDirectoryExtensions
{
    /// <summary>Shown for an id the directory no longer knows (an account removed since).</summary>
    public const string UnknownStaffName = "Former staff member";

    /// <summary>An active therapist of the clinic: a deactivated one can no longer be given patients or visits.</summary>
    public static async Task<bool> IsTherapistAsync(
        this IStaffDirectory staff, Guid clinicId, Guid userId, CancellationToken ct) =>
        await staff.FindAsync(clinicId, userId, ct) is { IsActive: true } member && member.Roles.Contains(StaffRoles.Therapist);

    /// <summary>
    /// Names by id for a page of records, deactivated members included; a clinic's staff is small,
    /// so one query for all of them.
    /// </summary>
    public static async Task<Func<Guid, string>> NamesAsync(this IStaffDirectory staff, Guid clinicId, CancellationToken ct)
    {
        var names = (await staff.ListAsync(clinicId, role: null, includeDeactivated: true, ct)).ToDictionary(m => m.Id, m => m.FullName);
        return id => names.GetValueOrDefault(id, UnknownStaffName);
    }

    public static async Task<string> NameOfAsync(this IStaffDirectory staff, Guid clinicId, Guid userId, CancellationToken ct) =>
        (await staff.FindAsync(clinicId, userId, ct))?.FullName ?? UnknownStaffName;

    /// <summary>The signed-in user as a clinical record shows them for good: id and name at the time.</summary>
    public static StaffRef AsStaffRef(this ICurrentUser user)
    {
        var id = user.UserId ?? throw new InvalidOperationException("A signed-in user without an id cannot author a record.");
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? UnknownStaffName : user.DisplayName.Trim();
        return new StaffRef(id, name.Length <= StaffRef.NameMaxLength ? name : name[..StaffRef.NameMaxLength]);
    }
}
