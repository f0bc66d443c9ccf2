using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>Takes a credential off a staff member's record: entered by mistake, or replaced by a renewal.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record RemoveStaffCredentialCommand(Guid StaffMemberId, Guid CredentialId) : ICommand<Result>;

public sealed class RemoveStaffCredentialValidator : AbstractValidator<RemoveStaffCredentialCommand>
{
    public RemoveStaffCredentialValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member.");
        RuleFor(c => c.CredentialId).NotEmpty().WithMessage("Choose the credential to remove.");
    }
}

public sealed class RemoveStaffCredentialHandler(IAppDbContext db)
    : ICommandHandler<RemoveStaffCredentialCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveStaffCredentialCommand command, CancellationToken cancellationToken)
    {
        var member = await db.FindStaffMemberAsync(command.StaffMemberId, cancellationToken);
        if (member is null || member.Credentials.All(c => c.Id != command.CredentialId))
        {
            return Error.NotFound(member is null ? StaffMemberLoading.What : "Credential");
        }

        member.RemoveCredential(command.CredentialId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
