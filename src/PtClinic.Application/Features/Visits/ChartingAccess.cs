using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>What <see cref="Charting"/> decides on: the visit, its note's status and its episode's status.</summary>
internal sealed record ChartedVisit(Visit Visit, NoteStatus? NoteStatus, EpisodeStatus EpisodeStatus)
{
    public ChartingDecision DecisionFor(ICurrentUser user) => Charting.Decide(Visit, NoteStatus, EpisodeStatus, user.UserId);
}

/// <summary>The same, with the note itself (tracked, with the visit) for the commands that change it.</summary>
internal sealed record VisitWithNote(Visit Visit, VisitNote? Note, EpisodeStatus EpisodeStatus)
{
    public ChartingDecision DecisionFor(ICurrentUser user) => Charting.Decide(Visit, Note?.Status, EpisodeStatus, user.UserId);
}

/// <summary>
/// How every charting command and both charting reads load what the rule needs: in one query,
/// so the autosave that runs on every pause in typing stays one SELECT and one UPDATE.
/// </summary>
internal static class ChartingAccess
{
    /// <summary>The visit if the current user may chart it; NotFound (another clinic's too) or the rule's refusal otherwise.</summary>
    public static async Task<Result<ChartedVisit>> ChartableVisitAsync(
        this IAppDbContext db, Guid visitId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var charted = await db.ChartedVisitAsync(visitId, cancellationToken);
        if (charted is null)
        {
            return Error.NotFound("Visit");
        }

        var decision = charted.DecisionFor(user);
        return decision.MayChart ? charted : Error.Rule(decision.Message!);
    }

    public static Task<ChartedVisit?> ChartedVisitAsync(this IAppDbContext db, Guid visitId, CancellationToken cancellationToken) =>
        (from v in db.Visits.AsNoTracking()
         join e in db.Episodes on v.EpisodeId equals e.Id
         join n in db.VisitNotes on v.Id equals n.VisitId into notes
         from n in notes.DefaultIfEmpty()
         where v.Id == visitId
         select new ChartedVisit(v, n == null ? (NoteStatus?)null : n.Status, e.Status))
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The visit and its note, both tracked: the note is saved or signed, and signing completes the visit.</summary>
    public static Task<VisitWithNote?> VisitWithNoteAsync(this IAppDbContext db, Guid visitId, CancellationToken cancellationToken) =>
        (from v in db.Visits
         join e in db.Episodes on v.EpisodeId equals e.Id
         join n in db.VisitNotes on v.Id equals n.VisitId into notes
         from n in notes.DefaultIfEmpty()
         where v.Id == visitId
         select new VisitWithNote(v, n, e.Status))
        .FirstOrDefaultAsync(cancellationToken);
}
