namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// Keeps <see cref="Domain.Outcomes.EpisodeOutcome"/> rows equal to what the records say. The rows
/// are derived set-wise in SQL (every signed visit, score, treatment and knot of the episodes at
/// once), which the Application layer cannot name, so Infrastructure implements it; it runs on the
/// operation's own connection and transaction, for the signed-in clinic only.
/// </summary>
public interface IEpisodeOutcomes
{
    /// <summary>Re-derives these episodes' rows from the records (as saved so far in this transaction).</summary>
    Task RefreshAsync(IReadOnlyCollection<Guid> episodeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Compares every stored row of the clinic with what the records give and replaces the ones
    /// that differ (adding the missing, removing the orphaned); returns how many it corrected.
    /// </summary>
    Task<int> RebuildClinicAsync(CancellationToken cancellationToken);
}
