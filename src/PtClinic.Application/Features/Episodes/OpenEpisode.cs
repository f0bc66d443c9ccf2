using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Episodes;

/// <summary>Opens a new episode of care for a patient of the clinic, with its responsible therapist.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record OpenEpisodeCommand(
    Guid PatientId,
    string ChiefComplaint,
    BodyRegion? Region,
    BodySide? Side,
    DateOnly? OnsetDate,
    string? ReferralSource,
    Guid TherapistId) : ICommand<Result<Guid>>;

public sealed class OpenEpisodeValidator : AbstractValidator<OpenEpisodeCommand>
{
    public OpenEpisodeValidator()
    {
        RuleFor(c => c.PatientId).Identifies("patient");
        RuleFor(c => c.ChiefComplaint).NotEmpty().WithMessage("Enter the chief complaint: what brings the patient in.")
            .MultiLine(EpisodeOfCare.ChiefComplaintMaxLength, "the chief complaint");
        RuleFor(c => c.Region).OneOf("the body region");
        RuleFor(c => c.Side).OneOf("the side");
        // The same day the domain compares with, so the form and the rule never disagree.
        RuleFor(c => c.OnsetDate)
            .NotAfterClinicToday()
            .WithMessage("The onset date cannot be in the future.");
        RuleFor(c => c.ReferralSource).SingleLine(EpisodeOfCare.ReferralSourceMaxLength, "the referral source");
        RuleFor(c => c.TherapistId).NotEmpty().WithMessage("Choose the responsible therapist.");
    }
}

public sealed class OpenEpisodeHandler(
    IAppDbContext db,
    IStaffDirectory staff,
    ICurrentUser currentUser,
    ClinicClock clock)
    : ICommandHandler<OpenEpisodeCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(OpenEpisodeCommand command, CancellationToken cancellationToken)
    {
        var clinicId = currentUser.ClinicId!.Value;
        if (!await db.Patients.AnyAsync(p => p.Id == command.PatientId, cancellationToken))
        {
            return Error.NotFound("Patient");
        }

        if (!await staff.IsTherapistAsync(clinicId, command.TherapistId, cancellationToken))
        {
            return Error.Validation(nameof(command.TherapistId), "Choose a therapist of this clinic.");
        }

        var episode = EpisodeOfCare.Open(
            clinicId,
            command.PatientId,
            command.ChiefComplaint,
            command.Region!.Value,
            command.Side!.Value,
            command.OnsetDate,
            command.ReferralSource,
            command.TherapistId,
            clock.UtcNow,
            await clock.TodayAsync(cancellationToken));

        db.Episodes.Add(episode);
        await db.SaveChangesAsync(cancellationToken);
        return episode.Id;
    }
}
