using PtClinic.Domain.Common;

namespace PtClinic.Domain.Reasoning;

/// <summary>
/// A therapist's decision on a proposed root cause, stored on the episode with the evidence it was
/// proposed on. Decisions are append-only: changing one's mind is a new decision, so a signed note
/// can always show the causes as they stood when it was signed.
/// </summary>
public sealed class CauseDecision : ITenantOwned
{
    private CauseDecision()
    {
        Reason = string.Empty;
        Evidence = [];
        DecidedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid EpisodeId { get; private set; }

    /// <summary>The visit at which it was decided.</summary>
    public Guid VisitId { get; private set; }

    public RootCause Cause { get; private set; }

    public HypothesisVerdict Verdict { get; private set; }

    public string Reason { get; private set; }

    /// <summary>What the engine showed when the therapist decided (empty for a cause the therapist added).</summary>
    public IReadOnlyList<string> Evidence { get; private set; }

    public StaffRef DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public static CauseDecision Record(Guid clinicId, Guid episodeId, Guid visitId, HypothesisDecision decision, IReadOnlyList<string> evidence)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(evidence);
        return new CauseDecision
        {
            Id = Guid.CreateVersion7(decision.DecidedAt),
            ClinicId = clinicId,
            EpisodeId = episodeId,
            VisitId = visitId,
            Cause = decision.Cause,
            Verdict = decision.Verdict,
            Reason = decision.Reason,
            Evidence = [.. evidence],
            DecidedBy = decision.DecidedBy,
            DecidedAt = decision.DecidedAt,
        };
    }

    /// <summary>The standing decision per cause: the latest one made up to <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<CauseDecision> Standing(IEnumerable<CauseDecision> decisions, DateTimeOffset? asOf = null) =>
        decisions
            .Where(d => asOf is null || d.DecidedAt <= asOf)
            .GroupBy(d => d.Cause)
            .Select(g => g.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Last())
            .OrderBy(d => d.Cause)
            .ToList();
}
