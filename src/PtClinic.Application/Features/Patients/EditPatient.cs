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
/// Saves edited demographics, MRN, occupation and medical-history flags. <see cref="Version"/> is the
/// one the editor loaded: if someone saved in between, the edit is refused with a Conflict and their
/// data stays.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record EditPatientCommand(
    Guid PatientId,
    uint Version,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    Sex? Sex,
    string? Phone,
    string? Email,
    string? Occupation,
    MedicalHistory? MedicalHistory) : IPatientDemographics, ICommand<Result>;

public sealed class EditPatientValidator : AbstractValidator<EditPatientCommand>
{
    public EditPatientValidator()
    {
        RuleFor(c => c.PatientId).Identifies("patient");
        RuleFor(c => c.Mrn).NotEmpty().WithMessage("Enter the MRN: a patient keeps one once registered.")
            .SingleLine(Patient.MrnMaxLength, "the MRN");
        Include(new PatientDemographicsValidator());
        RuleFor(c => c.MedicalHistory).NotNull().WithMessage("Send the medical history (all flags off if none apply).");
    }
}

public sealed class EditPatientHandler(IAppDbContext db, ClinicClock clock)
    : ICommandHandler<EditPatientCommand, Result>
{
    public async ValueTask<Result> Handle(EditPatientCommand command, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == command.PatientId, cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        var mrn = command.Mrn.Trim();
        if (mrn != patient.Mrn && await MrnTakenAsync(mrn, patient.Id, cancellationToken))
        {
            return MrnTaken(mrn);
        }

        // Compare against the version the editor loaded, not the one just read: xmin makes the
        // UPDATE match no row when anyone saved in between, which surfaces as a Conflict.
        db.Entry(patient).Property(p => p.Version).OriginalValue = command.Version;

        patient.AssignMrn(mrn);
        patient.Rename(command.GivenName, command.FamilyName);
        patient.CorrectDateOfBirth(command.DateOfBirth!.Value, await clock.TodayAsync(cancellationToken));
        patient.ChangeSex(command.Sex!.Value);
        patient.UpdateContact(command.Phone, command.Email);
        patient.ChangeOccupation(command.Occupation);
        patient.RecordMedicalHistory(command.MedicalHistory!);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Another edit took the same MRN between the check above and this save.
            if (await MrnTakenAsync(mrn, patient.Id, cancellationToken))
            {
                return MrnTaken(mrn);
            }

            throw;
        }

        return Result.Success();
    }

    private Task<bool> MrnTakenAsync(string mrn, Guid patientId, CancellationToken cancellationToken) =>
        db.Patients.AnyAsync(p => p.Mrn == mrn && p.Id != patientId, cancellationToken);

    private static Error MrnTaken(string mrn) =>
        Error.Validation(nameof(EditPatientCommand.Mrn), $"MRN {mrn} is already used by another patient of this clinic.");
}
