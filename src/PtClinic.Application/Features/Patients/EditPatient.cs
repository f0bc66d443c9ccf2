using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>
/// Saves edited demographics. <see cref="Version"/> is the one the editor loaded: if someone saved
/// in between, the edit is refused with a Conflict and their data stays.
/// </summary>
[RequiresRole(StaffRoles.FrontDesk, StaffRoles.Therapist, StaffRoles.Admin)]
public sealed record EditPatientCommand(
    Guid PatientId,
    uint Version,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Phone,
    string? Email) : ICommand<Result>;

public sealed class EditPatientValidator : AbstractValidator<EditPatientCommand>
{
    public EditPatientValidator(TimeProvider clock)
    {
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.GivenName).NotEmpty().MaximumLength(Patient.NameMaxLength);
        RuleFor(c => c.FamilyName).NotEmpty().MaximumLength(Patient.NameMaxLength);
        RuleFor(c => c.DateOfBirth).NotNull()
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("Date of birth cannot be in the future.");
        RuleFor(c => c.Sex).NotNull().IsInEnum();
        RuleFor(c => c.Phone).MaximumLength(Patient.PhoneMaxLength);
        RuleFor(c => c.Email).MaximumLength(Patient.EmailMaxLength).EmailAddress()
            .When(c => !string.IsNullOrWhiteSpace(c.Email));
    }
}

public sealed class EditPatientHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<EditPatientCommand, Result>
{
    public async ValueTask<Result> Handle(EditPatientCommand command, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == command.PatientId, cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        // Compare against the version the editor loaded, not the one just read: xmin makes the
        // UPDATE match no row when anyone saved in between, which surfaces as a Conflict.
        db.Entry(patient).Property(p => p.Version).OriginalValue = command.Version;

        patient.Rename(command.GivenName, command.FamilyName);
        patient.CorrectDateOfBirth(command.DateOfBirth!.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        patient.ChangeSex(command.Sex!.Value);
        patient.UpdateContact(command.Phone, command.Email);

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
