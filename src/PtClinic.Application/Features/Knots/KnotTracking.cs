using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Knots;

namespace PtClinic.Application.Features.Knots;

/// <summary>
/// The one way knot states are read from the signed notes and written to <see cref="KnotSite"/>:
/// the signing handler, the rebuild and the timeline all go through here, so they cannot disagree.
/// </summary>
internal static class KnotTracking
{
    /// <summary>
    /// The patient's signed knot history (in no particular order: the rule orders it), from the finding and absence rows alone
    /// (each carries the patient and the visit's start; one index answers it). Unsigned assessments
    /// are left out by id, as they are few: no join to the assessments or visits.
    /// </summary>
    public static async Task<IReadOnlyList<(KnotSiteKey Site, KnotObservation Observation)>> SignedHistoryAsync(
        this IAppDbContext db, IKnotHistoryReader reader, Guid patientId, ClinicCalendar calendar, IReadOnlyCollection<string>? muscles, CancellationToken cancellationToken)
    {
        var unsigned = await db.VisitAssessments
            .Where(a => a.PatientId == patientId && a.FrozenAt == null)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        return await reader.SignedHistoryAsync(patientId, unsigned, calendar, muscles, cancellationToken);
    }

    /// <summary>The same, for a caller that has read the patient's unsigned assessments already.</summary>
    public static async Task<IReadOnlyList<(KnotSiteKey Site, KnotObservation Observation)>> SignedHistoryAsync(
        this IKnotHistoryReader reader, Guid patientId, IReadOnlyCollection<Guid> unsigned, ClinicCalendar calendar, IReadOnlyCollection<string>? muscles, CancellationToken cancellationToken)
    {
        var sites = await reader.ReadAsync(patientId, unsigned, muscles, cancellationToken);

        // A visit's rows share its start: its date on the clinic's calendar is worked out once.
        var dates = new Dictionary<DateTimeOffset, DateOnly>();
        var history = new List<(KnotSiteKey, KnotObservation)>(sites.Sum(s => s.Assessments.Length));
        foreach (var rows in sites)
        {
            for (var i = 0; i < rows.Assessments.Length; i++)
            {
                var startsAt = rows.StartsAt[i];
                if (!dates.TryGetValue(startsAt, out var on))
                {
                    dates.Add(startsAt, on = calendar.DateOf(startsAt));
                }

                history.Add((rows.Site, rows.ArePresent
                    ? KnotObservation.Present(rows.Assessments[i], startsAt, on, rows.Tenderness![i], rows.SizeMm![i], rows.IsActive![i], rows.RefersPain![i])
                    : KnotObservation.Absent(rows.Assessments[i], startsAt, on)));
            }
        }

        return history;
    }

    /// <summary>What an assessment says about each site it charted or found absent, as its signing will file it.</summary>
    public static IEnumerable<(KnotSiteKey Site, KnotObservation Observation)> Observations(VisitAssessment assessment, ClinicCalendar calendar)
    {
        var on = calendar.DateOf(assessment.VisitStartsAt);
        foreach (var knot in assessment.Knots)
        {
            yield return (knot.Site, KnotObservation.Present(assessment.Id, assessment.VisitStartsAt, on, knot.Tenderness, knot.SizeMm, knot.IsActive, knot.ReferredPain.Count > 0));
        }

        foreach (var absence in assessment.Absences)
        {
            yield return (absence.Site, KnotObservation.Absent(assessment.Id, assessment.VisitStartsAt, on));
        }
    }

    /// <summary>
    /// Writes the tracks to the patient's <see cref="KnotSite"/> rows (starting those not tracked
    /// yet). With <paramref name="complete"/>, the tracks are the patient's whole history and a
    /// stored site it no longer gives is removed. Returns how many sites changed.
    /// </summary>
    public static async Task<int> StoreAsync(
        this IAppDbContext db, Guid clinicId, Guid patientId, IReadOnlyList<KnotTrack> tracks, bool complete, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stored = await db.KnotSites.Where(s => s.PatientId == patientId).ToListAsync(cancellationToken);
        // Sites started earlier in the same save are not in the database yet.
        stored.AddRange(db.KnotSites.Local.Where(s => s.PatientId == patientId && db.Entry(s).State == EntityState.Added && !stored.Contains(s)));
        var bySite = stored.ToDictionary(s => s.Site);
        var changed = 0;
        foreach (var track in tracks)
        {
            if (bySite.Remove(track.Site, out var site))
            {
                changed += site.Apply(track, at) ? 1 : 0;
            }
            else
            {
                db.KnotSites.Add(KnotSite.Start(clinicId, patientId, track, at));
                changed++;
            }
        }

        if (complete)
        {
            db.KnotSites.RemoveRange(bySite.Values);
            changed += bySite.Count;
        }

        return changed;
    }
}
