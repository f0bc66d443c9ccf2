using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;

namespace PtClinic.Application.Features.Staff;

/// <summary>The current clinic's staff, by name; pass a role (e.g. Therapist) for a picker.</summary>
public sealed record ListStaffQuery(string? Role = null) : IQuery<Result<IReadOnlyList<StaffMemberDto>>>;

public sealed record StaffMemberDto(Guid Id, string FullName, IReadOnlyList<string> Roles);

public sealed class ListStaffHandler(IStaffDirectory staff, ICurrentUser currentUser)
    : IQueryHandler<ListStaffQuery, Result<IReadOnlyList<StaffMemberDto>>>
{
    public async ValueTask<Result<IReadOnlyList<StaffMemberDto>>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var members = await staff.ListAsync(currentUser.ClinicId!.Value, query.Role, cancellationToken);
        return Result<IReadOnlyList<StaffMemberDto>>.Success(members);
    }
}
