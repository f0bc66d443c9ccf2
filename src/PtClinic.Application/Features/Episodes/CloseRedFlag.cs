using System.Globalization;
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

/// <summary>
/// The therapist closes a red flag open on the episode: resolved (saying how), or referred (to
/// whom or what, and when). The flag stays on the episode as history, as closed, for good. A
/// discharged episode's flags can still be closed: a doctor's answer may come after discharge.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record CloseRedFlagCommand(
    Guid EpisodeId,
    Guid RedFlagId,
    RedFlagClosing? As,
    string? Note,
    string? ReferredTo = null,
    DateOnly? ReferredOn = null) : ICommand<Result>;

public sealed class CloseRedFlagValidator : AbstractValidator<CloseRedFlagCommand>
{
    public CloseRedFlagValidator()
    {
        RuleFor(c => c.EpisodeId).Identifies("episode");
        RuleFor(c => c.RedFlagId).Identifies("red flag");
        RuleFor(c => c.As).OneOf("whether the red flag resolved or the patient was referred");
        RuleFor(c => c.Note).NotEmpty().When(c => c.As == RedFlagClosing.Resolved)
            .WithMessage("Say how the red flag resolved.");
        RuleFor(c => c.Note).MultiLine(EpisodeRedFlag.NoteMaxLength, "the closing note");
        RuleFor(c => c.ReferredTo).NotEmpty().When(c => c.As == RedFlagClosing.Referred)
            .WithMessage("Say whom or what the patient was referred to.");
        RuleFor(c => c.ReferredTo).SingleLine(EpisodeRedFlag.ReferredToMaxLength, "whom the patient was referred to");
        RuleFor(c => c.ReferredOn).NotNull().When(c => c.As == RedFlagClosing.Referred)
            .WithMessage("Enter the date of the referral.");
        RuleFor(c => c.ReferredOn).NotAfterClinicToday().When(c => c.As == RedFlagClosing.Referred)
            .WithMessage("A referral cannot be dated in the future.");
    }
}

public sealed class CloseRedFlagHandler(IAppDbContext db, ICurrentUser currentUser, ClinicClock clock)
    : ICommandHandler<CloseRedFlagCommand, Result>
{
    public async ValueTask<Result> Handle(CloseRedFlagCommand command, CancellationToken cancellationToken)
    {
        var flag = await db.EpisodeRedFlags.FirstOrDefaultAsync(
            f => f.Id == command.RedFlagId && f.EpisodeId == command.EpisodeId, cancellationToken);
        if (flag is null)
        {
            return Error.NotFound("Red flag");
        }

        var now = clock.UtcNow;
        if (command.As == RedFlagClosing.Resolved)
        {
            flag.Resolve(command.Note, currentUser.AsStaffRef(), now);
        }
        else
        {
            var calendar = await clock.CalendarAsync(cancellationToken);
            var raisedOn = calendar.DateOf(flag.RaisedAtVisitStartsAt);
            if (command.ReferredOn < raisedOn)
            {
                return Error.Validation(nameof(command.ReferredOn), string.Create(
                    CultureInfo.InvariantCulture, $"The referral cannot be dated before the visit that recorded the red flag ({raisedOn:d MMM yyyy})."));
            }

            var answers = await db.ReferralAnswersAsync(flag.EpisodeId, cancellationToken);
            flag.Refer(
                command.ReferredTo, command.ReferredOn!.Value, command.Note, RedFlagReferrals.AnswerFor(flag, answers)?.Id,
                raisedOn, calendar.DateOf(now), currentUser.AsStaffRef(), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
