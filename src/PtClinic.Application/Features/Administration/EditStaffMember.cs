using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Corrects a staff member's name, title and licence, or gives them another role. A new role ends
/// their open sessions, so it applies from their next sign-in rather than half-way through a page.
/// Records they signed keep the name they had then.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record EditStaffMemberCommand(
    Guid StaffMemberId,
    uint Version,
    string FullName,
    string? Role,
    string? ProfessionalTitle,
    string? LicenceNumber) : IStaffProfile, ICommand<Result>;

public sealed class EditStaffMemberValidator : AbstractValidator<EditStaffMemberCommand>
{
    public EditStaffMemberValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member to edit.");
        Include(new StaffProfileValidator());
    }
}

public sealed class EditStaffMemberHandler(IAppDbContext db, IStaffAccounts accounts, ICurrentUser currentUser)
    : ICommandHandler<EditStaffMemberCommand, Result>
{
    public async ValueTask<Result> Handle(EditStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.FindStaffMemberAsync(command.StaffMemberId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound(StaffMemberLoading.What);
        }

        db.Entry(member).Property(s => s.Version).OriginalValue = command.Version;
        member.UpdateProfile(command.FullName, command.ProfessionalTitle, command.LicenceNumber);
        member.ChangeRole(command.Role!, currentUser.AsStaffRef());

        await accounts.SaveAsync(member, endSessions: false, cancellationToken);
        return Result.Success();
    }
}
