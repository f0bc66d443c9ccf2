using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>
/// Records a consent the patient gave (on paper or in person), as recorded by the signed-in staff
/// member. Dry needling needs the risks explained and the patient's signature; the domain refuses it
/// too, the validator only says so next to the fields.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record RecordConsentCommand(
    Guid PatientId,
    ConsentKind? Kind,
    DateOnly? GivenOn,
    bool RisksExplained,
    bool SignedByPatient,
    string? Note = null) : ICommand<Result<Guid>>;

public sealed class RecordConsentValidator : AbstractValidator<RecordConsentCommand>
{
    public RecordConsentValidator()
    {
        RuleFor(c => c.PatientId).Identifies("patient");
        RuleFor(c => c.Kind).OneOf("what the patient consents to");
        RuleFor(c => c.GivenOn).NotNull().WithMessage("Enter the date the consent was given.")
            .NotAfterClinicToday()
            .WithMessage("A consent cannot be dated in the future.");
        RuleFor(c => c.RisksExplained).Equal(true)
            .When(c => c.Kind == ConsentKind.DryNeedling)
            .WithMessage("Dry-needling consent needs the risks (pain, bruising, fainting, pneumothorax) explained.");
        RuleFor(c => c.SignedByPatient).Equal(true)
            .When(c => c.Kind == ConsentKind.DryNeedling)
            .WithMessage("Dry-needling consent needs the patient's signature.");
        RuleFor(c => c.Note).MultiLine(Consent.NoteMaxLength, "the consent note");
    }
}

public sealed class RecordConsentHandler(IAppDbContext db, ICurrentUser currentUser, ClinicClock clock)
    : ICommandHandler<RecordConsentCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RecordConsentCommand command, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == command.PatientId, cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        var consent = patient.RecordConsent(
            command.Kind!.Value,
            command.GivenOn!.Value,
            command.RisksExplained,
            command.SignedByPatient,
            command.Note,
            currentUser.AsStaffRef(),
            clock.UtcNow,
            await clock.TodayAsync(cancellationToken));

        await db.SaveChangesAsync(cancellationToken);
        return consent.Id;
    }
}

internal static class CurrentUserStaffRef
{
    /// <summary>The signed-in user as a record will show them for good: id and name at the time.</summary>
    public static StaffRef AsStaffRef(this ICurrentUser user)
    {
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? "Unknown staff member" : user.DisplayName.Trim();
        return new StaffRef(user.UserId!.Value, name.Length <= StaffRef.NameMaxLength ? name : name[..StaffRef.NameMaxLength]);
    }
}
