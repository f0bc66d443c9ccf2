using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>
/// Registers a patient in the current user's clinic, with the medical-history flags confirmed at
/// intake. A blank MRN gets the next generated one.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record RegisterPatientCommand(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Phone = null,
    string? Email = null,
    string? Mrn = null,
    string? Occupation = null,
    MedicalHistory? MedicalHistory = null) : IPatientDemographics, ICommand<Result<Guid>>;

public sealed class RegisterPatientValidator : AbstractValidator<RegisterPatientCommand>
{
    public RegisterPatientValidator()
    {
        Include(new PatientDemographicsValidator());
        RuleFor(c => c.Mrn).SingleLine(Patient.MrnMaxLength, "the MRN");
    }
}

public sealed class RegisterPatientHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IMrnGenerator mrns,
    ClinicClock clock)
    : ICommandHandler<RegisterPatientCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RegisterPatientCommand command, CancellationToken cancellationToken)
    {
        string mrn;
        if (string.IsNullOrWhiteSpace(command.Mrn))
        {
            // A typed MRN may already hold a number the sequence reaches later: skip it.
            do
            {
                mrn = await mrns.NextAsync(cancellationToken);
            }
            while (await db.Patients.AnyAsync(p => p.Mrn == mrn, cancellationToken));
        }
        else
        {
            mrn = command.Mrn.Trim();
            if (await db.Patients.AnyAsync(p => p.Mrn == mrn, cancellationToken))
            {
                return MrnTaken(mrn);
            }
        }

        var patient = Patient.Register(
            currentUser.ClinicId!.Value,
            mrn,
            command.GivenName,
            command.FamilyName,
            command.DateOfBirth!.Value,
            command.Sex!.Value,
            clock.UtcNow,
            await clock.TodayAsync(cancellationToken));
        patient.UpdateContact(command.Phone, command.Email);
        patient.ChangeOccupation(command.Occupation);
        patient.RecordMedicalHistory(command.MedicalHistory ?? MedicalHistory.None);

        db.Patients.Add(patient);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two desks typed the same MRN at once: the unique index let only one through.
            if (await db.Patients.AnyAsync(p => p.Mrn == mrn, cancellationToken))
            {
                return MrnTaken(mrn);
            }

            throw;
        }

        return patient.Id;
    }

    private static Error MrnTaken(string mrn) =>
        Error.Validation(nameof(RegisterPatientCommand.Mrn), $"MRN {mrn} is already used by another patient of this clinic.");
}
