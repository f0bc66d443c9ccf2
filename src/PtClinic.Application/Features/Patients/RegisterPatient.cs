using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>Registers a patient in the current user's clinic. A blank MRN gets the next generated one.</summary>
[RequiresRole(StaffRoles.FrontDesk, StaffRoles.Therapist, StaffRoles.Admin)]
public sealed record RegisterPatientCommand(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Phone = null,
    string? Email = null,
    string? Mrn = null) : ICommand<Result<Guid>>;

public sealed class RegisterPatientValidator : AbstractValidator<RegisterPatientCommand>
{
    public RegisterPatientValidator(TimeProvider clock)
    {
        RuleFor(c => c.GivenName).NotEmpty().MaximumLength(Patient.NameMaxLength);
        RuleFor(c => c.FamilyName).NotEmpty().MaximumLength(Patient.NameMaxLength);
        RuleFor(c => c.DateOfBirth).NotNull()
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("Date of birth cannot be in the future.");
        RuleFor(c => c.Sex).NotNull().IsInEnum();
        RuleFor(c => c.Phone).MaximumLength(Patient.PhoneMaxLength);
        RuleFor(c => c.Email).MaximumLength(Patient.EmailMaxLength).EmailAddress()
            .When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Mrn).MaximumLength(Patient.MrnMaxLength);
    }
}

public sealed class RegisterPatientHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IMrnGenerator mrns,
    TimeProvider clock)
    : ICommandHandler<RegisterPatientCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RegisterPatientCommand command, CancellationToken cancellationToken)
    {
        var mrn = string.IsNullOrWhiteSpace(command.Mrn)
            ? await mrns.NextAsync(cancellationToken)
            : command.Mrn.Trim();

        if (await db.Patients.AnyAsync(p => p.Mrn == mrn, cancellationToken))
        {
            return Error.Validation(nameof(command.Mrn), $"MRN {mrn} is already used by another patient of this clinic.");
        }

        var patient = Patient.Register(
            currentUser.ClinicId!.Value,
            mrn,
            command.GivenName,
            command.FamilyName,
            command.DateOfBirth!.Value,
            command.Sex!.Value,
            clock.GetUtcNow());
        patient.UpdateContact(command.Phone, command.Email);

        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken);
        return patient.Id;
    }
}
