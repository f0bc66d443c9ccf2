using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>One staff member as the admin's credentials page shows them.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record GetStaffMemberQuery(Guid StaffMemberId) : IQuery<Result<StaffMemberViewDto>>;

/// <summary>The member, and the clinic's date their credentials' expiry was read on.</summary>
public sealed record StaffMemberViewDto(DateOnly ClinicToday, StaffMemberDetailsDto Member);

public sealed class GetStaffMemberValidator : AbstractValidator<GetStaffMemberQuery>
{
    public GetStaffMemberValidator()
    {
        RuleFor(q => q.StaffMemberId).NotEmpty().WithMessage("Choose a staff member.");
    }
}

public sealed class GetStaffMemberHandler(IAppDbContext db, IStaffAccounts accounts, ICurrentUser currentUser, ClinicClock clock)
    : IQueryHandler<GetStaffMemberQuery, Result<StaffMemberViewDto>>
{
    public async ValueTask<Result<StaffMemberViewDto>> Handle(GetStaffMemberQuery query, CancellationToken cancellationToken)
    {
        var roster = await StaffRosterReader.ReadAsync(
            db, accounts, currentUser.ClinicId!.Value, clock, db.StaffMembers.Where(s => s.Id == query.StaffMemberId), cancellationToken);
        return roster.Members.Count == 0
            ? Error.NotFound(StaffMemberLoading.What)
            : new StaffMemberViewDto(roster.ClinicToday, roster.Members[0]);
    }
}
