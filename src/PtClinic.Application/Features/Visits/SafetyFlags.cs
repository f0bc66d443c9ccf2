using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Assessment;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// What a therapist must see before needling or pressing on a patient: the medical-history flags
/// (worded by <c>MedicalHistory.Describe</c>) and the open red flags: those ticked at this visit,
/// and those open on the episode (raised by a signed note of a visit up to this one and not closed
/// by the therapist since), however many visits since did not tick them again.
/// </summary>
public sealed record SafetyFlagsDto(
    IReadOnlyList<string> MedicalHistory,
    IReadOnlyList<RedFlag> RedFlagsThisVisit,
    IReadOnlyList<RedFlag> RedFlagsOpenOnEpisode)
{
    public static SafetyFlagsDto None { get; } = new([], [], []);

    /// <summary>The open red flags, given this visit's as they stand now (the page passes what was just saved).</summary>
    public IReadOnlyList<RedFlag> OpenRedFlags(IEnumerable<RedFlag>? thisVisit = null) =>
        [.. (thisVisit ?? RedFlagsThisVisit).Union(RedFlagsOpenOnEpisode).Distinct().Order()];
}

internal static class SafetyFlags
{
    /// <summary>
    /// The red flags ticked at each visit given, and those open on its episode that a visit other
    /// than it raised no later than it: two queries whatever the number of visits (the Today list
    /// asks for a whole day).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, (IReadOnlyList<RedFlag> ThisVisit, IReadOnlyList<RedFlag> OpenOnEpisode)>> RedFlagsAsync(
        this IAppDbContext db, IReadOnlyCollection<(Guid VisitId, Guid EpisodeId, DateTimeOffset StartsAt)> visits, CancellationToken cancellationToken)
    {
        if (visits.Count == 0)
        {
            return new Dictionary<Guid, (IReadOnlyList<RedFlag>, IReadOnlyList<RedFlag>)>();
        }

        var visitIds = visits.Select(v => v.VisitId).Distinct().ToList();
        var episodeIds = visits.Select(v => v.EpisodeId).Distinct().ToList();
        var findings = await db.VisitAssessments
            .Where(a => visitIds.Contains(a.VisitId))
            .Select(a => new { a.VisitId, a.Findings })
            .ToDictionaryAsync(a => a.VisitId, a => a.Findings, cancellationToken);
        var open = (await db.EpisodeRedFlags
                .Where(f => episodeIds.Contains(f.EpisodeId) && f.ClosedAt == null)
                .Select(f => new { f.EpisodeId, f.Flag, f.RaisedAtVisitId, f.RaisedAtVisitStartsAt })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.EpisodeId);

        return visits.ToDictionary(
            v => v.VisitId,
            v => ((IReadOnlyList<RedFlag>)(findings.TryGetValue(v.VisitId, out var found) ? [.. found.RedFlags.Order()] : []),
                (IReadOnlyList<RedFlag>)[.. open[v.EpisodeId]
                    .Where(f => f.RaisedAtVisitId != v.VisitId && f.RaisedAtVisitStartsAt <= v.StartsAt)
                    .Select(f => f.Flag).Distinct().Order()]));
    }

    /// <summary>The red flags open on the episode now, whichever visit raised them.</summary>
    public static async Task<IReadOnlyList<RedFlag>> OpenRedFlagsAsync(this IAppDbContext db, Guid episodeId, CancellationToken cancellationToken) =>
        await db.EpisodeRedFlags
            .Where(f => f.EpisodeId == episodeId && f.ClosedAt == null)
            .OrderBy(f => f.Flag)
            .Select(f => f.Flag)
            .ToListAsync(cancellationToken);
}
