using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// For a staff member who forgot their password: a new temporary one, shown once to the admin,
/// that must be changed at the next sign-in. The old password stops working and open sessions end.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record ResetStaffPasswordCommand(Guid StaffMemberId) : ICommand<Result<TemporaryPasswordDto>>;

public sealed record TemporaryPasswordDto(string FullName, string Email, string TemporaryPassword);

public sealed class ResetStaffPasswordValidator : AbstractValidator<ResetStaffPasswordCommand>
{
    public ResetStaffPasswordValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member whose password to reset.");
    }
}

public sealed class ResetStaffPasswordHandler(IAppDbContext db, IStaffAccounts accounts)
    : ICommandHandler<ResetStaffPasswordCommand, Result<TemporaryPasswordDto>>
{
    public async ValueTask<Result<TemporaryPasswordDto>> Handle(ResetStaffPasswordCommand command, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == command.StaffMemberId)
            .Select(s => new { s.FullName, s.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Error.NotFound(StaffMemberLoading.What);
        }

        var password = await accounts.ResetPasswordAsync(command.StaffMemberId, cancellationToken);
        return new TemporaryPasswordDto(member.FullName, member.Email, password);
    }
}
