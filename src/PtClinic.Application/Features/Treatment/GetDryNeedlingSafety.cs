using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>
/// Whether the safety rules block dry needling at this visit right now, for the current therapist,
/// and why: asked as the dry-needling dialog opens, so the block shows before anything is typed. The
/// same rules decide again when the session is recorded.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record GetDryNeedlingSafetyQuery(Guid VisitId) : IQuery<Result<DryNeedlingSafetyDto>>;

/// <param name="BlockedBecause">Each blocking contraindication's message; empty when needling may go ahead.</param>
/// <param name="NeedsJustification">A relative contraindication applies: a written justification is asked for.</param>
public sealed record DryNeedlingSafetyDto(IReadOnlyList<string> BlockedBecause, IReadOnlyList<string> NeedsJustification);

public sealed class GetDryNeedlingSafetyValidator : AbstractValidator<GetDryNeedlingSafetyQuery>
{
    public GetDryNeedlingSafetyValidator()
    {
        RuleFor(q => q.VisitId).Identifies("visit");
    }
}

public sealed class GetDryNeedlingSafetyHandler(IAppDbContext db, ICurrentUser currentUser, ClinicClock clinicClock)
    : IQueryHandler<GetDryNeedlingSafetyQuery, Result<DryNeedlingSafetyDto>>
{
    public async ValueTask<Result<DryNeedlingSafetyDto>> Handle(GetDryNeedlingSafetyQuery query, CancellationToken cancellationToken)
    {
        var chart = await db.ChartedVisitAsync(query.VisitId, cancellationToken);
        if (chart is null)
        {
            return Error.NotFound("Visit");
        }

        var dryNeedling = await db.InterventionToGiveAsync(InterventionCatalog.DryNeedling, cancellationToken);
        if (dryNeedling is null)
        {
            return new DryNeedlingSafetyDto(["Dry needling is retired from this clinic's catalog and is no longer given."], []);
        }

        var safety = await db.SafetyAtAsync(chart.Visit, currentUser.UserId!.Value, clinicClock, cancellationToken);
        var verdict = SafetyRules.Check(dryNeedling, safety);
        return new DryNeedlingSafetyDto([.. verdict.Blocking.Select(c => c.Message)], [.. verdict.Cautions.Select(c => c.Message)]);
    }
}
