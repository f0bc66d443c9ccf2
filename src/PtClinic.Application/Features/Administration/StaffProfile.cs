using FluentValidation;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>What adding and editing a staff member both carry, so both check it the same way.</summary>
public interface IStaffProfile
{
    string FullName { get; }

    string? Role { get; }

    string? ProfessionalTitle { get; }

    string? LicenceNumber { get; }
}

/// <summary>The rules on a staff member's name, role, title and licence, with the messages the forms show.</summary>
public sealed class StaffProfileValidator : AbstractValidator<IStaffProfile>
{
    public StaffProfileValidator()
    {
        RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter the staff member's name.")
            .SingleLine(StaffMember.FullNameMaxLength, "the name");
        RuleFor(c => c.Role).NotEmpty().WithMessage("Choose the staff member's role.")
            .SingleLine(StaffMember.RoleMaxLength, "the role")
            .Must(role => role is null || StaffRoles.All.Contains(role))
            .WithMessage("Choose one of the roles: therapist, clinic manager, front desk or admin.");
        RuleFor(c => c.ProfessionalTitle).SingleLine(StaffMember.TitleMaxLength, "the professional title");
        RuleFor(c => c.LicenceNumber).SingleLine(StaffMember.LicenceNumberMaxLength, "the licence number");
    }
}
