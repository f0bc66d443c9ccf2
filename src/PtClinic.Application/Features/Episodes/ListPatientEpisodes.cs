using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Episodes;

/// <summary>A patient's episodes of care, newest first, each with its visits.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record ListPatientEpisodesQuery(Guid PatientId) : IQuery<Result<IReadOnlyList<EpisodeDto>>>;

public sealed class ListPatientEpisodesHandler(IAppDbContext db, IStaffDirectory staff, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListPatientEpisodesQuery, Result<IReadOnlyList<EpisodeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<EpisodeDto>>> Handle(
        ListPatientEpisodesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == query.PatientId, cancellationToken))
        {
            return Error.NotFound("Patient");
        }

        var episodes = await EpisodeReader.ReadAsync(
            db, staff, currentUser, db.Episodes.Where(e => e.PatientId == query.PatientId), clock.GetUtcNow(), cancellationToken);
        return Result<IReadOnlyList<EpisodeDto>>.Success(episodes);
    }
}
