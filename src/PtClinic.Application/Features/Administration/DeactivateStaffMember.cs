using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Ends a staff member's access: they can no longer sign in, their open sessions end, and pickers
/// stop offering them. Nothing they recorded changes, and it can be undone (reactivate).
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record DeactivateStaffMemberCommand(Guid StaffMemberId) : ICommand<Result>;

public sealed class DeactivateStaffMemberValidator : AbstractValidator<DeactivateStaffMemberCommand>
{
    public DeactivateStaffMemberValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member to deactivate.");
    }
}

public sealed class DeactivateStaffMemberHandler(
    IAppDbContext db, IStaffAccounts accounts, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeactivateStaffMemberCommand, Result>
{
    public async ValueTask<Result> Handle(DeactivateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.FindStaffMemberAsync(command.StaffMemberId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound(StaffMemberLoading.What);
        }

        member.Deactivate(currentUser.AsStaffRef(), clock.GetUtcNow());
        await accounts.SaveAsync(member, endSessions: true, cancellationToken);
        return Result.Success();
    }
}
