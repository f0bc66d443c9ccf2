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

/// <summary>The handouts issued on an episode, newest first; the first is the one the patient holds.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record ListHandoutVersionsQuery(Guid EpisodeId) : IQuery<Result<IReadOnlyList<HandoutVersionDto>>>;

/// <param name="PlanNumber">The plan-of-care version whose home program it printed.</param>
/// <param name="IsHeld">The latest issued: the one the patient holds.</param>
public sealed record HandoutVersionDto(
    Guid Id, int Number, Guid PlanId, int PlanNumber, bool LargePrint, int ItemCount, string IssuedBy, DateTimeOffset IssuedAt, bool IsHeld, string FileName);

/// <summary>An issued handout's PDF, exactly as it was given to the patient.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetHandoutPdfQuery(Guid EpisodeId, Guid VersionId) : IQuery<Result<HandoutPdf>>;

/// <summary>
/// What the handout of a plan version (the draft being written, or a signed one) would print,
/// drawn now and kept nowhere: the preview before issuing.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record PreviewHandoutQuery(Guid EpisodeId, Guid PlanId, bool LargePrint) : IQuery<Result<HandoutPdf>>;

public sealed record HandoutPdf(byte[] Content, string FileName, DateTimeOffset? IssuedAt);

public sealed class ListHandoutVersionsValidator : AbstractValidator<ListHandoutVersionsQuery>
{
    public ListHandoutVersionsValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
    }
}

public sealed class GetHandoutPdfValidator : AbstractValidator<GetHandoutPdfQuery>
{
    public GetHandoutPdfValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
        RuleFor(q => q.VersionId).Identifies("handout");
    }
}

public sealed class PreviewHandoutValidator : AbstractValidator<PreviewHandoutQuery>
{
    public PreviewHandoutValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
        RuleFor(q => q.PlanId).Identifies("plan of care");
    }
}

public sealed class ListHandoutVersionsHandler(IAppDbContext db)
    : IQueryHandler<ListHandoutVersionsQuery, Result<IReadOnlyList<HandoutVersionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<HandoutVersionDto>>> Handle(ListHandoutVersionsQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking()
            .Where(e => e.Id == query.EpisodeId)
            .Join(db.Patients, e => e.PatientId, p => p.Id, (e, p) => new { Patient = p.GivenName + " " + p.FamilyName })
            .FirstOrDefaultAsync(cancellationToken);
        if (episode is null)
        {
            return Error.NotFound("Episode");
        }

        // Never the PDF or the snapshot: a list reads a few columns.
        var versions = await db.HandoutVersions.AsNoTracking()
            .Where(v => v.EpisodeId == query.EpisodeId)
            .OrderByDescending(v => v.Number)
            .Join(db.PlansOfCare, v => v.PlanId, p => p.Id, (v, p) => new
            {
                v.Id, v.Number, v.PlanId, PlanNumber = p.Number, v.LargePrint, v.ItemCount, IssuedBy = v.IssuedBy.Name, v.IssuedAt,
            })
            .ToListAsync(cancellationToken);
        return versions
            .Select((v, i) => new HandoutVersionDto(
                v.Id, v.Number, v.PlanId, v.PlanNumber, v.LargePrint, v.ItemCount, v.IssuedBy, v.IssuedAt, IsHeld: i == 0,
                HandoutVersion.FileName(episode.Patient, v.Number)))
            .ToList();
    }
}

public sealed class GetHandoutPdfHandler(IAppDbContext db) : IQueryHandler<GetHandoutPdfQuery, Result<HandoutPdf>>
{
    public async ValueTask<Result<HandoutPdf>> Handle(GetHandoutPdfQuery query, CancellationToken cancellationToken)
    {
        var version = await db.HandoutVersions.AsNoTracking()
            .Where(v => v.Id == query.VersionId && v.EpisodeId == query.EpisodeId)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.Pdf, v.Number, v.IssuedAt, Patient = p.GivenName + " " + p.FamilyName })
            .FirstOrDefaultAsync(cancellationToken);
        return version is null
            ? Error.NotFound("Handout")
            : new HandoutPdf(version.Pdf, HandoutVersion.FileName(version.Patient, version.Number), version.IssuedAt);
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
