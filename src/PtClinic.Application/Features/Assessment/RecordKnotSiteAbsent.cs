using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// Records that a tracked knot site was palpated at this visit and the knot was not there: the
/// answer that resolves it. Only a site where a knot was found at a signed visit can be absent.
/// </summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record RecordKnotSiteAbsentCommand(Guid VisitId, uint? Version, string MuscleCode, BodySide Side, MuscleZone Zone)
    : ICommand<Result<AssessmentSaved>>;

/// <summary>Takes back an absence recorded at this visit: the site was not assessed after all.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record ClearKnotSiteAbsentCommand(Guid VisitId, uint? Version, string MuscleCode, BodySide Side, MuscleZone Zone)
    : ICommand<Result<AssessmentSaved>>;

public sealed class RecordKnotSiteAbsentValidator : AbstractValidator<RecordKnotSiteAbsentCommand>
{
    public RecordKnotSiteAbsentValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        KnotSiteRules.Apply(this, c => c.MuscleCode, c => c.Side, c => c.Zone);
    }
}

public sealed class ClearKnotSiteAbsentValidator : AbstractValidator<ClearKnotSiteAbsentCommand>
{
    public ClearKnotSiteAbsentValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        KnotSiteRules.Apply(this, c => c.MuscleCode, c => c.Side, c => c.Zone);
    }
}

public sealed class RecordKnotSiteAbsentHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordKnotSiteAbsentCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(RecordKnotSiteAbsentCommand command, CancellationToken cancellationToken)
    {
        var site = new KnotSiteKey(command.MuscleCode, command.Side, command.Zone);
        var patientId = await db.Visits.Where(v => v.Id == command.VisitId).Select(v => (Guid?)v.PatientId).FirstOrDefaultAsync(cancellationToken);
        if (patientId is { } patient && !await db.KnotSites.AnyAsync(
                s => s.PatientId == patient && s.MuscleCode == site.MuscleCode && s.Side == site.Side && s.Zone == site.Zone, cancellationToken))
        {
            return Error.Rule("Only a knot found at an earlier signed visit can be recorded as absent; no knot was found at this site before.");
        }

        return await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.MarkAbsent(site, editor, at), cancellationToken);
    }
}

public sealed class ClearKnotSiteAbsentHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ClearKnotSiteAbsentCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(ClearKnotSiteAbsentCommand command, CancellationToken cancellationToken) =>
        await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.ClearAbsence(new KnotSiteKey(command.MuscleCode, command.Side, command.Zone), editor, at),
            cancellationToken);
}

/// <summary>A knot site as the commands name it: a catalog muscle, the left or right side, a third.</summary>
internal static class KnotSiteRules
{
    public static void Apply<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> muscle,
        System.Linq.Expressions.Expression<Func<T, BodySide>> side, System.Linq.Expressions.Expression<Func<T, MuscleZone>> zone)
    {
        validator.RuleFor(muscle).SingleLine(Muscle.CodeMaxLength, "the muscle code").Must(code => MuscleCatalog.All.Any(m => m.Code == code))
            .WithMessage("Choose a muscle of the catalog.");
        validator.RuleFor(side).Must(s => s is BodySide.Left or BodySide.Right).WithMessage("Choose the left or right side.");
        validator.RuleFor(zone).OneOf("the third of the muscle");
    }
}
