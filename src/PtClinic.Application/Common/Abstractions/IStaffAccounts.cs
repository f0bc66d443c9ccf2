using PtClinic.Application.Common.Results;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// The sign-in accounts behind staff members. Identity keeps them, and this layer cannot name
/// Identity, so Infrastructure implements it. A staff member and their account share the id and
/// are always written together, in one transaction.
/// </summary>
public interface IStaffAccounts
{
    /// <summary>
    /// Stores a new staff member with a sign-in for their email and role, and a temporary password
    /// that must be changed at the first sign-in. Returns that password, to be shown once; a
    /// Validation error on Email when another account already uses the address.
    /// </summary>
    Task<Result<string>> CreateAsync(StaffMember member, CancellationToken ct);

    /// <summary>
    /// Saves the member's pending changes and mirrors their name and role on the sign-in. With
    /// <paramref name="endSessions"/>, or when the role changed, every open session of the account
    /// ends (its security stamp changes).
    /// </summary>
    Task SaveAsync(StaffMember member, bool endSessions, CancellationToken ct);

    /// <summary>A new temporary password that must be changed at the next sign-in; open sessions end.</summary>
    Task<string> ResetPasswordAsync(Guid staffMemberId, CancellationToken ct);

    /// <summary>Lifts a lock-out from too many wrong passwords.</summary>
    Task UnlockAsync(Guid staffMemberId, CancellationToken ct);

    /// <summary>Lock and password state of every account of the clinic, by staff member id.</summary>
    Task<IReadOnlyDictionary<Guid, AccountStatus>> StatusesAsync(Guid clinicId, CancellationToken ct);
}

/// <summary>An account's sign-in state as an admin needs to see it.</summary>
public sealed record AccountStatus(DateTimeOffset? LockedOutUntil, bool MustChangePassword)
{
    public static AccountStatus Unknown { get; } = new(null, false);

    public bool IsLockedOut => LockedOutUntil is not null;
}
