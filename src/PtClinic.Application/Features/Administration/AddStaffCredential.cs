using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Records a certification or registration a staff member holds (a dry-needling certificate, their
/// professional licence, CPR / first aid), with its expiry when it has one.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record AddStaffCredentialCommand(
    Guid StaffMemberId,
    CredentialKind? Kind,
    string Issuer,
    string? Number,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn) : ICommand<Result<Guid>>;

public sealed class AddStaffCredentialValidator : AbstractValidator<AddStaffCredentialCommand>
{
    public AddStaffCredentialValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member who holds the credential.");
        RuleFor(c => c.Kind).NotNull().WithMessage("Choose the kind of credential.")
            .IsInEnum().WithMessage("Choose the kind of credential.");
        RuleFor(c => c.Issuer).NotEmpty().WithMessage("Enter who issued the credential.")
            .SingleLine(StaffCredential.IssuerMaxLength, "the issuer");
        RuleFor(c => c.Number).SingleLine(StaffCredential.NumberMaxLength, "the credential number");
        RuleFor(c => c.IssuedOn).NotNull().WithMessage("Enter the date the credential was issued.");
        RuleFor(c => c.ExpiresOn)
            .GreaterThanOrEqualTo(c => c.IssuedOn)
            .WithMessage("The expiry date cannot be before the issue date.")
            .When(c => c.IssuedOn is not null && c.ExpiresOn is not null);
    }
}

public sealed class AddStaffCredentialHandler(IAppDbContext db, ClinicClock clock)
    : ICommandHandler<AddStaffCredentialCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AddStaffCredentialCommand command, CancellationToken cancellationToken)
    {
        var member = await db.FindStaffMemberAsync(command.StaffMemberId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound(StaffMemberLoading.What);
        }

        var today = await clock.TodayAsync(cancellationToken);
        if (command.IssuedOn > today)
        {
            return Error.Validation(nameof(command.IssuedOn), "The issue date cannot be in the future.");
        }

        var credential = member.AddCredential(
            command.Kind!.Value, command.Issuer, command.Number, command.IssuedOn!.Value, command.ExpiresOn, today, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return credential.Id;
    }
}
