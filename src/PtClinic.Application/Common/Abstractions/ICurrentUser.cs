namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// Who an operation runs for: the signed-in staff member, or, for background work, the system acting
/// for one clinic (<see cref="IClinicOperationRunner"/>). Set per operation, never per circuit.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>
    /// PtClinic itself, working for <see cref="ClinicId"/> with no person behind it: it may send only
    /// the messages that name <c>StaffRoles.System</c>, and it authors no clinical record.
    /// </summary>
    bool IsSystem { get; }

    /// <summary>The staff member; null for the system and when nobody is signed in.</summary>
    Guid? UserId { get; }

    /// <summary>The clinic (tenant) of the user; every query is filtered to it.</summary>
    Guid? ClinicId { get; }

    string? DisplayName { get; }

    bool IsInRole(string role);
}
