using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>Lets a staff member locked out by too many wrong passwords try again now, not in 15 minutes.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record UnlockStaffAccountCommand(Guid StaffMemberId) : ICommand<Result>;

public sealed class UnlockStaffAccountValidator : AbstractValidator<UnlockStaffAccountCommand>
{
    public UnlockStaffAccountValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member to unlock.");
    }
}

public sealed class UnlockStaffAccountHandler(IAppDbContext db, IStaffAccounts accounts)
    : ICommandHandler<UnlockStaffAccountCommand, Result>
{
    public async ValueTask<Result> Handle(UnlockStaffAccountCommand command, CancellationToken cancellationToken)
    {
        if (!await db.StaffMembers.AnyAsync(s => s.Id == command.StaffMemberId, cancellationToken))
        {
            return Error.NotFound(StaffMemberLoading.What);
        }

        await accounts.UnlockAsync(command.StaffMemberId, cancellationToken);
        return Result.Success();
    }
}
