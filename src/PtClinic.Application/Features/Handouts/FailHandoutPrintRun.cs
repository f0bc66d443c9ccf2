using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Handouts;

/// <summary>The job gave up on the run (its last attempt failed): the run says so, in words for the therapist.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record FailHandoutPrintRunCommand(Guid RunId) : ICommand<Result<HandoutPrintRunDto>>;

public sealed class FailHandoutPrintRunValidator : AbstractValidator<FailHandoutPrintRunCommand>
{
    public FailHandoutPrintRunValidator()
    {
        RuleFor(c => c.RunId).Identifies("print run");
    }
}

public sealed class FailHandoutPrintRunHandler(IAppDbContext db, ICurrentUser currentUser, ClinicClock clinicClock)
    : ICommandHandler<FailHandoutPrintRunCommand, Result<HandoutPrintRunDto>>
{
    public const string Reason =
        "Printing stopped after an error. Start it again: the handouts already printed are kept, and none is issued twice.";

    public async ValueTask<Result<HandoutPrintRunDto>> Handle(FailHandoutPrintRunCommand command, CancellationToken cancellationToken)
    {
        var run = await db.RequesterRunAsync(command.RunId, currentUser, tracked: true, cancellationToken);
        if (run is null)
        {
            return Error.NotFound("Print run");
        }

        if (!run.IsFinished)
        {
            run.Fail(Reason, clinicClock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
    }
}
