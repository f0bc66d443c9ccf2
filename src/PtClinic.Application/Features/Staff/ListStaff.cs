using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Staff;

/// <summary>
/// The current clinic's active staff, by name; pass a role (e.g. Therapist) for a picker. A
/// deactivated member is never offered, though their name still shows on what they did.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record ListStaffQuery(string? Role = null) : IQuery<Result<IReadOnlyList<StaffMemberDto>>>;

public sealed record StaffMemberDto(Guid Id, string FullName, IReadOnlyList<string> Roles, bool IsActive = true);

public sealed class ListStaffHandler(IStaffDirectory staff, ICurrentUser currentUser)
    : IQueryHandler<ListStaffQuery, Result<IReadOnlyList<StaffMemberDto>>>
{
    public async ValueTask<Result<IReadOnlyList<StaffMemberDto>>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var members = await staff.ListAsync(currentUser.ClinicId!.Value, query.Role, includeDeactivated: false, cancellationToken);
        return Result<IReadOnlyList<StaffMemberDto>>.Success(members);
    }
}
