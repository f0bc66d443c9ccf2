using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// What a therapist must see before needling or pressing on a patient: the medical-history flags
/// (worded by <c>MedicalHistory.Describe</c>) and the open red flags. "Open", for now: recorded at
/// this visit's assessment or at the latest signed visit of the episode before it.
/// </summary>
public sealed record SafetyFlagsDto(
    IReadOnlyList<string> MedicalHistory,
    IReadOnlyList<RedFlag> RedFlagsThisVisit,
    IReadOnlyList<RedFlag> RedFlagsAtLastSignedVisit)
{
    public static SafetyFlagsDto None { get; } = new([], [], []);

    /// <summary>The open red flags, given this visit's as they stand now (the page passes what was just saved).</summary>
    public IReadOnlyList<RedFlag> OpenRedFlags(IEnumerable<RedFlag>? thisVisit = null) =>
        [.. (thisVisit ?? RedFlagsThisVisit).Union(RedFlagsAtLastSignedVisit).Distinct().Order()];
}

internal static class SafetyFlags
{
    /// <summary>
    /// The red flags of each visit given and of the latest signed visit of its episode before it:
    /// two queries whatever the number of visits (the Today list asks for a whole day).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, (IReadOnlyList<RedFlag> ThisVisit, IReadOnlyList<RedFlag> LastSigned)>> RedFlagsAsync(
        this IAppDbContext db, IReadOnlyCollection<(Guid VisitId, Guid EpisodeId, DateTimeOffset StartsAt)> visits, CancellationToken cancellationToken)
    {
        if (visits.Count == 0)
        {
            return new Dictionary<Guid, (IReadOnlyList<RedFlag>, IReadOnlyList<RedFlag>)>();
        }

        var episodeIds = visits.Select(v => v.EpisodeId).Distinct().ToList();
        var signed = await (
                from n in db.VisitNotes
                where n.Status == NoteStatus.Signed
                join v in db.Visits on n.VisitId equals v.Id
                where episodeIds.Contains(v.EpisodeId)
                select new { v.Id, v.EpisodeId, v.StartsAt })
            .ToListAsync(cancellationToken);
        var lastSigned = visits.ToDictionary(
            v => v.VisitId,
            v => signed.Where(s => s.EpisodeId == v.EpisodeId && s.Id != v.VisitId && s.StartsAt < v.StartsAt)
                .OrderByDescending(s => s.StartsAt).Select(s => (Guid?)s.Id).FirstOrDefault());

        var wanted = visits.Select(v => v.VisitId).Concat(lastSigned.Values.OfType<Guid>()).Distinct().ToList();
        var findings = await db.VisitAssessments
            .Where(a => wanted.Contains(a.VisitId))
            .Select(a => new { a.VisitId, a.Findings })
            .ToDictionaryAsync(a => a.VisitId, a => a.Findings, cancellationToken);

        IReadOnlyList<RedFlag> FlagsOf(Guid? visitId) =>
            visitId is { } id && findings.TryGetValue(id, out var found) ? [.. found.RedFlags.Order()] : [];

        return visits.ToDictionary(v => v.VisitId, v => (FlagsOf(v.VisitId), FlagsOf(lastSigned[v.VisitId])));
    }
}
