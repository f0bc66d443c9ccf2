using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Events;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.OutcomeSnapshot;

/// <summary>
/// Keeps each episode's outcome row equal to its records in the transaction that changes them:
/// once per save, after all of the save's rows are written, for every episode whose note was
/// signed, whose status changed or whose visits were booked, checked in, cancelled or missed, and
/// every episode of a patient whose date of birth was corrected (the age at opening). A
/// check-in that activates its episode, or a seeder signing five notes of one episode, is one
/// refresh of that episode.
/// </summary>
internal sealed class RefreshOutcomesWithSave(IAppDbContext db, IEpisodeOutcomes outcomes) : ISavedEventsHandler
{
    /// <summary>Wider than the recurrence window (90 clinic days) by the most a time zone can shift a date.</summary>
    private static readonly TimeSpan RecurrenceLookBack = TimeSpan.FromDays(92);

    public async Task HandleAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvents);
        var episodes = new HashSet<Guid>();
        var signedVisits = new List<Guid>();
        var patients = new List<Guid>();
        foreach (var domainEvent in domainEvents)
        {
            switch (domainEvent)
            {
                case VisitNoteSigned signed:
                    episodes.Add(signed.EpisodeId);
                    signedVisits.Add(signed.VisitId);
                    break;
                case EpisodeOpened opened:
                    episodes.Add(opened.EpisodeId);
                    break;
                case EpisodeStatusChanged changed:
                    episodes.Add(changed.EpisodeId);
                    break;
                case EpisodeRevised revised:
                    episodes.Add(revised.EpisodeId);
                    break;
                case VisitBooked booked:
                    episodes.Add(booked.EpisodeId);
                    break;
                case VisitStatusChanged changed:
                    episodes.Add(changed.EpisodeId);
                    break;
                case PatientDateOfBirthCorrected corrected:
                    patients.Add(corrected.PatientId);
                    break;
            }
        }

        if (patients.Count > 0)
        {
            // Each of their episodes has the age at opening worked out from the date of birth.
            episodes.UnionWith(await db.Episodes.Where(e => patients.Contains(e.PatientId)).Select(e => e.Id).ToListAsync(cancellationToken));
        }

        if (episodes.Count == 0)
        {
            return;
        }

        if (signedVisits.Count > 0)
        {
            episodes.UnionWith(await EpisodesWhoseKnotsCameBackAsync(signedVisits, cancellationToken));
        }

        await outcomes.RefreshAsync(episodes, cancellationToken);
    }

    /// <summary>
    /// A knot found at a newly signed visit may be the recurrence of a site that resolved in an
    /// earlier episode of the patient: those episodes' counts change with this signature too.
    /// </summary>
    private async Task<List<Guid>> EpisodesWhoseKnotsCameBackAsync(List<Guid> signedVisits, CancellationToken cancellationToken) =>
        await (from knot in db.KnotFindings
               join assessment in db.VisitAssessments on knot.AssessmentId equals assessment.Id
               where signedVisits.Contains(assessment.VisitId)
               join absence in db.KnotAbsences
                   on new { knot.PatientId, knot.MuscleCode, knot.Side, knot.Zone }
                   equals new { absence.PatientId, absence.MuscleCode, absence.Side, absence.Zone }
               where absence.VisitStartsAt < knot.VisitStartsAt && absence.VisitStartsAt > knot.VisitStartsAt - RecurrenceLookBack
               join absentAt in db.VisitAssessments on absence.AssessmentId equals absentAt.Id
               select absentAt.EpisodeId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
