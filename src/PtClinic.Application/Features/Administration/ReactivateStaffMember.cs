using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>Gives a deactivated staff member their access back, with the password they had.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record ReactivateStaffMemberCommand(Guid StaffMemberId) : ICommand<Result>;

public sealed class ReactivateStaffMemberValidator : AbstractValidator<ReactivateStaffMemberCommand>
{
    public ReactivateStaffMemberValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member to reactivate.");
    }
}

public sealed class ReactivateStaffMemberHandler(IAppDbContext db, IStaffAccounts accounts)
    : ICommandHandler<ReactivateStaffMemberCommand, Result>
{
    public async ValueTask<Result> Handle(ReactivateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.FindStaffMemberAsync(command.StaffMemberId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound(StaffMemberLoading.What);
        }

        member.Reactivate();
        await accounts.SaveAsync(member, endSessions: false, cancellationToken);
        return Result.Success();
    }
}
