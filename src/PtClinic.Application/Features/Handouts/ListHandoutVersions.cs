using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
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

public sealed class ListHandoutVersionsValidator : AbstractValidator<ListHandoutVersionsQuery>
{
    public ListHandoutVersionsValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
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
