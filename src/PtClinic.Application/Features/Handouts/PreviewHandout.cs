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

/// <summary>
/// What the handout of a plan version (the draft being written, or a signed one) would print,
/// drawn now and kept nowhere: the preview before issuing.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record PreviewHandoutQuery(Guid EpisodeId, Guid PlanId, bool LargePrint) : IQuery<Result<HandoutPdf>>;

public sealed class PreviewHandoutValidator : AbstractValidator<PreviewHandoutQuery>
{
    public PreviewHandoutValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
        RuleFor(q => q.PlanId).Identifies("plan of care");
    }
}

public sealed class PreviewHandoutHandler(IAppDbContext db, IHandoutRenderer renderer, ClinicClock clinicClock)
    : IQueryHandler<PreviewHandoutQuery, Result<HandoutPdf>>
{
    public async ValueTask<Result<HandoutPdf>> Handle(PreviewHandoutQuery query, CancellationToken cancellationToken)
    {
        var plan = await db.PlansOfCare.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == query.PlanId && p.EpisodeId == query.EpisodeId, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("Plan of care");
        }

        // Numbered as the handout it would become if issued now.
        var next = 1 + (await db.HandoutVersions.Where(v => v.EpisodeId == query.EpisodeId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
        var content = await db.BuildAsync(plan, next, query.LargePrint, await clinicClock.TodayAsync(cancellationToken), cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error;
        }

        return new HandoutPdf(renderer.Render(content.Value), $"preview-{HandoutVersion.FileName(content.Value.Patient.Name, next)}", null);
    }
}
