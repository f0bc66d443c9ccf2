namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// Keeps <see cref="Domain.Outcomes.EpisodeOutcome"/> rows equal to what the records say. The rows
/// are derived set-wise in SQL (every signed visit, score, treatment and knot of the episodes at
/// once), which the Application layer cannot name, so Infrastructure implements it; it runs on the
/// operation's own connection and transaction, for the signed-in clinic only.
/// </summary>
public interface IEpisodeOutcomes
{
    /// <summary>
    /// Re-derives these episodes' rows from the records (as saved so far in this transaction), and
    /// the month totals they add to. A save with no signed-in user (a tool) refreshes the rows of
    /// each episode's clinic and the totals too.
    /// </summary>
    Task RefreshAsync(IReadOnlyCollection<Guid> episodeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Compares every stored row of the clinic with what the records give and replaces the ones
    /// that differ (adding the missing, removing the orphaned), then the clinic's month totals the
    /// same way; returns how many rows of either it corrected.
    /// </summary>
    Task<int> RebuildClinicAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Compares the clinic's month totals with what its stored outcome rows add up to and replaces
    /// the ones that differ; returns how many it corrected. Part of <see cref="RebuildClinicAsync"/>.
    /// </summary>
    Task<int> RebuildMonthTotalsAsync(CancellationToken cancellationToken);
}
