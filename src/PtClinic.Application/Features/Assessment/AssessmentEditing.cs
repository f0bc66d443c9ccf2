using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Assessment;

/// <summary>What every change to a visit's assessment returns: the version the page sends next time.</summary>
public sealed record AssessmentSaved(Guid AssessmentId, uint Version, DateTimeOffset SavedAt);

/// <summary>
/// The one way the assessment commands load what they change. <c>version</c> is the assessment the
/// page holds, null for "none yet": anything else (another tab saved in between, or started the
/// assessment first) is a Conflict. Every change, the first one that starts the assessment too,
/// is under the charting rule (<see cref="Charting"/>), as the note's text is.
/// </summary>
internal static class AssessmentEditing
{
    private const string ConflictMessage =
        "These findings were changed elsewhere (another tab or user). Reload the note to see them, then make your change again.";

    /// <summary>
    /// Loads (or starts) the visit's assessment, applies <paramref name="change"/> as the current user
    /// at one instant, and saves: the whole of every assessment command but its own change.
    /// </summary>
    public static async Task<Result<AssessmentSaved>> EditAsync(
        this IAppDbContext db, Guid visitId, uint? version, ICurrentUser user, TimeProvider clock,
        Action<VisitAssessment, StaffRef, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var charted = await db.ChartableVisitAsync(visitId, user, cancellationToken);
        if (!charted.IsSuccess)
        {
            return charted.Error;
        }

        var now = clock.NowToTheMicrosecond();
        var loaded = await db.LoadForEditAsync(charted.Value.Visit, version, user, now, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        change(loaded.Value, user.AsStaffRef(), now);
        return await db.SaveAsync(loaded.Value, cancellationToken);
    }

    private static async Task<Result<VisitAssessment>> LoadForEditAsync(
        this IAppDbContext db, Visit visit, uint? version, ICurrentUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assessment = await db.VisitAssessments
            .Include(a => a.Knots)
            .Include(a => a.Absences)
            .Include(a => a.Outcomes)
            .FirstOrDefaultAsync(a => a.VisitId == visit.Id, cancellationToken);
        if (assessment is not null)
        {
            if (version is not { } held || held != assessment.Version)
            {
                return Error.Conflict(ConflictMessage);
            }

            // Checked again by the UPDATE itself (xmin), for a save that lands in between.
            db.Entry(assessment).Property(a => a.Version).OriginalValue = held;
            return assessment;
        }

        if (version is not null)
        {
            return Error.Conflict(ConflictMessage);
        }

        assessment = VisitAssessment.Start(visit, user.AsStaffRef(), now);
        db.VisitAssessments.Add(assessment);
        return assessment;
    }

    /// <summary>Saves, turning a lost race to start the same assessment into the Conflict it is.</summary>
    private static async Task<Result<AssessmentSaved>> SaveAsync(this IAppDbContext db, VisitAssessment assessment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Error.Conflict(ConflictMessage);
        }

        return new AssessmentSaved(assessment.Id, assessment.Version, assessment.LastEditedAt);
    }
}
