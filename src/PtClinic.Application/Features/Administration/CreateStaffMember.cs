using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Adds a staff member and their sign-in. The answer carries a temporary password: the admin sees
/// it once, passes it on, and the new member must choose their own at the first sign-in.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record CreateStaffMemberCommand(
    string FullName,
    string Email,
    string? Role,
    string? ProfessionalTitle = null,
    string? LicenceNumber = null) : IStaffProfile, ICommand<Result<NewStaffAccountDto>>;

/// <summary>The new member's id and the temporary password, which is stored nowhere in the clear.</summary>
public sealed record NewStaffAccountDto(Guid StaffMemberId, string Email, string TemporaryPassword);

public sealed class CreateStaffMemberValidator : AbstractValidator<CreateStaffMemberCommand>
{
    public CreateStaffMemberValidator()
    {
        Include(new StaffProfileValidator());
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the staff member's email; it is how they sign in.")
            .SingleLine(StaffMember.EmailMaxLength, "the email")
            .EmailAddress().WithMessage("Enter an email address such as name@clinic.org.");
    }
}

public sealed class CreateStaffMemberHandler(IStaffAccounts accounts, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateStaffMemberCommand, Result<NewStaffAccountDto>>
{
    public async ValueTask<Result<NewStaffAccountDto>> Handle(CreateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var member = StaffMember.Join(
            Guid.CreateVersion7(now),
            currentUser.ClinicId!.Value,
            command.FullName,
            command.Email,
            command.Role!,
            command.ProfessionalTitle,
            command.LicenceNumber,
            now);

        var created = await accounts.CreateAsync(member, cancellationToken);
        return created.IsSuccess
            ? new NewStaffAccountDto(member.Id, member.Email, created.Value)
            : created.Error;
    }
}
