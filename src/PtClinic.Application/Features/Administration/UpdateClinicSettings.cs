using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Administration;

/// <summary>
/// Saves the clinic's name, address, phone, time zone, handout paper, opening hours and sign-in
/// rules (how long an unattended page stays signed in, who must use an authenticator app).
/// <see cref="Version"/> is the one the form loaded: a save that crossed another is refused.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record UpdateClinicSettingsCommand(
    uint Version,
    string Name,
    string? Address,
    string? Phone,
    string TimeZone,
    PaperSize? PaperSize,
    IReadOnlyList<OpeningDayInput> OpeningHours,
    int? IdleTimeoutMinutes,
    TwoFactorRequirement? TwoFactorRequirement) : ICommand<Result>;

/// <summary>One day of the week as the form holds it: closed, or open from one time to another.</summary>
public sealed record OpeningDayInput(DayOfWeek Day, bool IsOpen, TimeOnly? Opens, TimeOnly? Closes);

public sealed class UpdateClinicSettingsValidator : AbstractValidator<UpdateClinicSettingsCommand>
{
    private const string ChooseTwoFactorRule = "Choose who must use an authenticator app: no one, admins and managers, or everyone.";

    public UpdateClinicSettingsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the clinic's name.")
            .SingleLine(Clinic.NameMaxLength, "the clinic's name");
        RuleFor(c => c.Address).MultiLine(Clinic.AddressMaxLength, "the address");
        RuleFor(c => c.Phone).SingleLine(Clinic.PhoneMaxLength, "the phone number");
        RuleFor(c => c.TimeZone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose the clinic's time zone.")
            .SingleLine(Clinic.TimeZoneMaxLength, "the time zone")
            .Must(zone => ClinicCalendar.IsKnownZone(zone?.Trim()))
            .WithMessage(c => $"\"{c.TimeZone}\" is not a time zone we know. Choose one from the list, such as Europe/London.");
        RuleFor(c => c.PaperSize).NotNull().WithMessage("Choose the paper size for handouts.")
            .IsInEnum().WithMessage("Choose A4 or US Letter.");
        RuleFor(c => c.OpeningHours).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the opening hours of every day of the week, once each.")
            .Must(days => days is not null && days.Select(d => d.Day).Order().SequenceEqual(Enum.GetValues<DayOfWeek>()))
            .WithMessage("Give the opening hours of every day of the week, once each.");
        RuleFor(c => c.IdleTimeoutMinutes).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter how many minutes an unattended page stays signed in.")
            .InclusiveBetween((int)Clinic.ShortestIdleTimeout.TotalMinutes, (int)Clinic.LongestIdleTimeout.TotalMinutes)
            .WithMessage(Clinic.IdleTimeoutOutOfBounds);
        RuleFor(c => c.TwoFactorRequirement).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(ChooseTwoFactorRule)
            .IsInEnum().WithMessage(ChooseTwoFactorRule);
        RuleForEach(c => c.OpeningHours).ChildRules(day =>
        {
            day.RuleFor(d => d.Opens).NotNull().WithMessage(d => $"Enter the time the clinic opens on {d.Day}.").When(d => d.IsOpen);
            day.RuleFor(d => d.Closes).NotNull().WithMessage(d => $"Enter the time the clinic closes on {d.Day}.").When(d => d.IsOpen);
            day.RuleFor(d => d.Closes)
                .GreaterThan(d => d.Opens).WithMessage(d => $"On {d.Day} the clinic must close after it opens.")
                .When(d => d.IsOpen && d.Opens is not null && d.Closes is not null);
        });
    }
}

public sealed class UpdateClinicSettingsHandler(IAppDbContext db, IEpisodeOutcomes outcomes)
    : ICommandHandler<UpdateClinicSettingsCommand, Result>
{
    public async ValueTask<Result> Handle(UpdateClinicSettingsCommand command, CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.SingleAsync(cancellationToken);
        db.Entry(clinic).Property(c => c.Version).OriginalValue = command.Version;

        clinic.Rename(command.Name);
        clinic.UpdateContact(command.Address, command.Phone);
        var zone = clinic.TimeZone;
        clinic.MoveToTimeZone(command.TimeZone);
        clinic.PrintOn(command.PaperSize!.Value);
        clinic.SetOpeningHours(Domain.Clinics.OpeningHours.Of(command.OpeningHours
            .Where(d => d.IsOpen)
            .Select(d => new OpenDay(d.Day, d.Opens!.Value, d.Closes!.Value))));
        clinic.SignOutAfterIdle(TimeSpan.FromMinutes(command.IdleTimeoutMinutes!.Value));
        clinic.RequireTwoFactorFor(command.TwoFactorRequirement!.Value);

        await db.SaveChangesAsync(cancellationToken);
        if (clinic.TimeZone != zone)
        {
            // Every date of the outcome rows is a date on the clinic's calendar: a new zone moves
            // some of them (an evening's opening becomes the next day's), and the month totals with them.
            await outcomes.RebuildClinicAsync(cancellationToken);
        }

        return Result.Success();
    }
}
