using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>
/// The patient withdrew a consent. The consent stays on the record, marked withdrawn, so the chart
/// still shows what was consented to and when it ended.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.FrontDesk)]
public sealed record WithdrawConsentCommand(Guid PatientId, Guid ConsentId) : ICommand<Result>;

public sealed class WithdrawConsentValidator : AbstractValidator<WithdrawConsentCommand>
{
    public WithdrawConsentValidator()
    {
        RuleFor(c => c.PatientId).Identifies("patient");
        RuleFor(c => c.ConsentId).Identifies("consent");
    }
}

public sealed class WithdrawConsentHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<WithdrawConsentCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawConsentCommand command, CancellationToken cancellationToken)
    {
        var patient = await db.Patients
            .Include(p => p.Consents.Where(c => c.Id == command.ConsentId))
            .FirstOrDefaultAsync(p => p.Id == command.PatientId, cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        if (patient.Consents.Count == 0)
        {
            return Error.NotFound("Consent");
        }

        patient.WithdrawConsent(command.ConsentId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
