using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Everyone on the clinic's staff for the admin's table: active and deactivated, whether their
/// account is locked or waiting for a first password, and their credentials, an expired one
/// marked as such on the clinic's date.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record ListStaffMembersQuery : IQuery<Result<StaffRosterDto>>;

/// <summary><see cref="ClinicToday"/> is the date expiry was read on.</summary>
public sealed record StaffRosterDto(DateOnly ClinicToday, IReadOnlyList<StaffMemberDetailsDto> Members);

public sealed record StaffMemberDetailsDto(
    Guid Id,
    string FullName,
    string Email,
    string Role,
    string? ProfessionalTitle,
    string? LicenceNumber,
    bool IsActive,
    DateTimeOffset? DeactivatedAt,
    string? DeactivatedBy,
    bool IsLockedOut,
    DateTimeOffset? LockedOutUntil,
    bool MustChangePassword,
    uint Version,
    IReadOnlyList<StaffCredentialDto> Credentials);

public sealed record StaffCredentialDto(
    Guid Id,
    CredentialKind Kind,
    string Issuer,
    string? Number,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn,
    bool IsExpired);

public sealed class ListStaffMembersHandler(IAppDbContext db, IStaffAccounts accounts, ICurrentUser currentUser, ClinicClock clock)
    : IQueryHandler<ListStaffMembersQuery, Result<StaffRosterDto>>
{
    public async ValueTask<Result<StaffRosterDto>> Handle(ListStaffMembersQuery query, CancellationToken cancellationToken)
    {
        var members = await StaffRosterReader.ReadAsync(db, accounts, currentUser.ClinicId!.Value, clock, db.StaffMembers, cancellationToken);
        return members;
    }
}

/// <summary>The admin's view of staff members: two queries and the account states, however many members.</summary>
internal static class StaffRosterReader
{
    public static async Task<StaffRosterDto> ReadAsync(
        IAppDbContext db,
        IStaffAccounts accounts,
        Guid clinicId,
        ClinicClock clock,
        IQueryable<StaffMember> members,
        CancellationToken ct)
    {
        var today = await clock.TodayAsync(ct);
        var rows = await members.AsNoTracking()
            .Include(s => s.Credentials)
            .OrderBy(s => s.DeactivatedAt != null).ThenBy(s => s.FullName).ThenBy(s => s.Id)
            .ToListAsync(ct);
        var statuses = await accounts.StatusesAsync(clinicId, ct);

        return new StaffRosterDto(today, rows.Select(member =>
        {
            var status = statuses.GetValueOrDefault(member.Id, AccountStatus.Unknown);
            return new StaffMemberDetailsDto(
                member.Id,
                member.FullName,
                member.Email,
                member.Role,
                member.ProfessionalTitle,
                member.LicenceNumber,
                member.IsActive,
                member.DeactivatedAt,
                member.DeactivatedBy?.Name,
                status.IsLockedOut,
                status.LockedOutUntil,
                status.MustChangePassword,
                member.Version,
                member.Credentials
                    .OrderBy(c => c.Kind).ThenByDescending(c => c.ExpiresOn ?? DateOnly.MaxValue).ThenBy(c => c.Id)
                    .Select(c => new StaffCredentialDto(c.Id, c.Kind, c.Issuer, c.Number, c.IssuedOn, c.ExpiresOn, c.IsExpiredOn(today)))
                    .ToList());
        }).ToList());
    }
}
