using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Events;
using PtClinic.Application.Common.Time;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Knots;

/// <summary>
/// Signing a note files its knots and absences in the patient's history: the sites it palpated get
/// their new state in the signature's transaction, so a list never shows a state the signed notes
/// do not give. Sites the visit did not palpate keep theirs (not assessed is not a change).
/// </summary>
internal sealed class TrackKnotsWithNote(IAppDbContext db, IKnotHistoryReader reader, ClinicClock clock) : IDomainEventHandler<VisitNoteSigned>
{
    public async Task HandleAsync(VisitNoteSigned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var assessment = await db.VisitAssessments
            .Include(a => a.Knots)
            .Include(a => a.Absences)
            .FirstOrDefaultAsync(a => a.VisitId == domainEvent.VisitId, cancellationToken);
        if (assessment is null || (assessment.Knots.Count == 0 && assessment.Absences.Count == 0))
        {
            return;
        }

        var calendar = await clock.CalendarAsync(cancellationToken);
        var thisVisit = KnotTracking.Observations(assessment, calendar).ToList();
        var sites = thisVisit.Select(o => o.Site).ToHashSet();
        // The database does not count this visit as signed until the save ends (the rows are
        // written, frozen_at is not yet): it is added here, with any other assessment of the
        // patient signed in the same save (the demo seeder signs several at once).
        var stored = await db.SignedHistoryAsync(reader, assessment.PatientId, calendar, [.. sites.Select(s => s.MuscleCode).Distinct()], cancellationToken);
        var signedBefore = stored.Select(h => h.Observation.AssessmentId).ToHashSet();
        var signedInThisSave = db.VisitAssessments.Local
            .Where(a => a.PatientId == assessment.PatientId && a.Id != assessment.Id && a.IsFrozen && !signedBefore.Contains(a.Id))
            .SelectMany(a => KnotTracking.Observations(a, calendar));
        var history = stored
            .Where(h => h.Observation.AssessmentId != assessment.Id)
            .Concat(signedInThisSave)
            .Concat(thisVisit)
            .Where(h => sites.Contains(h.Site));
        var tracks = KnotHistory.EvaluateAll(history);
        await db.StoreAsync(assessment.ClinicId, assessment.PatientId, tracks, complete: false, clock.UtcNow, cancellationToken);
    }
}
