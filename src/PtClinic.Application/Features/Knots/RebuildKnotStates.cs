using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Knots;

/// <summary>
/// Recomputes one patient's knot states from their signed notes alone and stores what that gives.
/// The stored states are kept current at every signature, so a rebuild changes nothing unless the
/// rules changed; <see cref="KnotRebuild.Changed"/> says how many sites it had to correct.
/// </summary>
[RequiresRole(StaffRoles.Admin, StaffRoles.System)]
public sealed record RebuildPatientKnotStatesCommand(Guid PatientId) : ICommand<Result<KnotRebuild>>;

/// <summary>The same, for every patient of the clinic: after a change to the rules, or as the nightly check.</summary>
[RequiresRole(StaffRoles.Admin, StaffRoles.System)]
public sealed record RebuildClinicKnotStatesCommand : ICommand<Result<KnotRebuild>>;

public sealed record KnotRebuild(int Patients, int Sites, int Changed);

public sealed class RebuildPatientKnotStatesValidator : AbstractValidator<RebuildPatientKnotStatesCommand>
{
    public RebuildPatientKnotStatesValidator()
    {
        RuleFor(c => c.PatientId).Identifies("patient");
    }
}

/// <summary>Nothing to check: the command names no record.</summary>
public sealed class RebuildClinicKnotStatesValidator : AbstractValidator<RebuildClinicKnotStatesCommand>;

public sealed class RebuildPatientKnotStatesHandler(IAppDbContext db, IKnotHistoryReader reader, ClinicClock clock)
    : ICommandHandler<RebuildPatientKnotStatesCommand, Result<KnotRebuild>>
{
    public async ValueTask<Result<KnotRebuild>> Handle(RebuildPatientKnotStatesCommand command, CancellationToken cancellationToken)
    {
        var clinicId = await db.Patients.Where(p => p.Id == command.PatientId).Select(p => (Guid?)p.ClinicId).FirstOrDefaultAsync(cancellationToken);
        if (clinicId is null)
        {
            return Error.NotFound("Patient");
        }

        var (sites, changed) = await db.RebuildAsync(reader, clinicId.Value, command.PatientId, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new KnotRebuild(1, sites, changed);
    }
}

public sealed class RebuildClinicKnotStatesHandler(IAppDbContext db, IKnotHistoryReader reader, ClinicClock clock)
    : ICommandHandler<RebuildClinicKnotStatesCommand, Result<KnotRebuild>>
{
    /// <summary>Saved in batches so a large clinic never holds every patient's sites in one change set.</summary>
    private const int PatientsPerSave = 200;

    public async ValueTask<Result<KnotRebuild>> Handle(RebuildClinicKnotStatesCommand command, CancellationToken cancellationToken)
    {
        // Patients with any knot charted or any site stored: the others have nothing to rebuild.
        var patients = await db.KnotFindings.Select(k => new { k.PatientId, k.ClinicId })
            .Union(db.KnotSites.Select(s => new { s.PatientId, s.ClinicId }))
            .OrderBy(p => p.PatientId)
            .ToListAsync(cancellationToken);
        var (sites, changed) = (0, 0);
        foreach (var batch in patients.Chunk(PatientsPerSave))
        {
            foreach (var patient in batch)
            {
                var (patientSites, patientChanged) = await db.RebuildAsync(reader, patient.ClinicId, patient.PatientId, clock, cancellationToken);
                (sites, changed) = (sites + patientSites, changed + patientChanged);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new KnotRebuild(patients.Count, sites, changed);
    }
}

internal static class KnotRebuilding
{
    public static async Task<(int Sites, int Changed)> RebuildAsync(this IAppDbContext db, IKnotHistoryReader reader, Guid clinicId, Guid patientId, ClinicClock clock, CancellationToken cancellationToken)
    {
        var calendar = await clock.CalendarAsync(cancellationToken);
        var tracks = KnotHistory.EvaluateAll(await db.SignedHistoryAsync(reader, patientId, calendar, muscles: null, cancellationToken));
        var changed = await db.StoreAsync(clinicId, patientId, tracks, complete: true, clock.UtcNow, cancellationToken);
        return (tracks.Count, changed);
    }
}
