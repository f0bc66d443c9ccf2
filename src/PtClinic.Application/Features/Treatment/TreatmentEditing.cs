using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Treatment;

/// <summary>What every change to a visit's treatment returns.</summary>
public sealed record TreatmentSaved(Guid TreatmentId, DateTimeOffset SavedAt);

/// <summary>
/// The one way the treatment commands load what they change: the visit under the charting rule
/// (only its therapist or cover, not once signed), its treatment (started by the first change), and
/// the safety context as it is at this moment, since the rules run on what is true when the
/// treatment is given, not when it was planned.
/// </summary>
internal static class TreatmentEditing
{
    public static async Task<Result<TreatmentSaved>> EditTreatmentAsync(
        this IAppDbContext db, Guid visitId, ICurrentUser user, TimeProvider clock,
        Func<VisitTreatment, Visit, StaffRef, DateTimeOffset, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var charted = await db.ChartableVisitAsync(visitId, user, cancellationToken);
        if (!charted.IsSuccess)
        {
            return charted.Error;
        }

        var visit = charted.Value.Visit;
        var now = clock.NowToTheMicrosecond();
        var treatment = await db.VisitTreatments
            .Include(t => t.Interventions)
            .Include(t => t.DryNeedling)
            .FirstOrDefaultAsync(t => t.VisitId == visit.Id, cancellationToken);
        if (treatment is null)
        {
            treatment = VisitTreatment.Start(visit, user.AsStaffRef(), now);
            db.VisitTreatments.Add(treatment);
        }

        if (await change(treatment, visit, user.AsStaffRef(), now) is { } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Error.Conflict("This visit's treatment was changed elsewhere (another tab or user). Reload the note, then make your change again.");
        }

        return new TreatmentSaved(treatment.Id, treatment.LastEditedAt);
    }

    /// <summary>
    /// The patient's medical history now, the red flags open at the visit, what the visit found at
    /// the treatment area, an active dry-needling consent, and whether the performing therapist holds
    /// a dry-needling credential current on the clinic's date.
    /// </summary>
    public static async Task<SafetyContext> SafetyAtAsync(
        this IAppDbContext db, Visit visit, Guid performerId, ClinicClock clinicClock, CancellationToken cancellationToken)
    {
        var history = await db.Patients.Where(p => p.Id == visit.PatientId).Select(p => p.MedicalHistory).FirstAsync(cancellationToken);
        var redFlags = (await db.RedFlagsAsync([(visit.Id, visit.EpisodeId, visit.StartsAt)], cancellationToken))[visit.Id];
        var findings = await db.FindingsAtAsync(visit.Id, cancellationToken);
        var consent = await db.Consents.AnyAsync(
            c => c.PatientId == visit.PatientId && c.Kind == ConsentKind.DryNeedling && c.WithdrawnAt == null, cancellationToken);
        var performer = await db.StaffMembers.Include(s => s.Credentials).FirstOrDefaultAsync(s => s.Id == performerId, cancellationToken);
        var today = await clinicClock.TodayAsync(cancellationToken);
        return new SafetyContext(
            history,
            new HashSet<Domain.Assessment.RedFlag>(redFlags.ThisVisit.Union(redFlags.OpenOnEpisode)),
            findings.TreatmentArea,
            consent,
            performer?.HoldsCurrent(CredentialKind.DryNeedlingCertification, today) == true);
    }

    /// <summary>
    /// The clinic's catalog entry for a code as it stands now (a clinic's edit of a seeded entry, its
    /// contraindications included), or null when the clinic has none or retired it: what is
    /// retired is no longer given, though what was given before stays on its notes.
    /// </summary>
    public static async Task<InterventionDefinition?> InterventionToGiveAsync(this IAppDbContext db, string code, CancellationToken cancellationToken) =>
        await db.InterventionAsync(code, cancellationToken) is { IsRetired: false } entry ? entry.Definition : null;
}
