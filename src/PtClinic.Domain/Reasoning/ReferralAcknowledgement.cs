using PtClinic.Domain.Common;

namespace PtClinic.Domain.Reasoning;

public enum ReferralAction
{
    /// <summary>The patient was referred (or told to see their doctor).</summary>
    Referred,

    /// <summary>The therapist decided not to refer and documented why.</summary>
    NotReferred,
}

/// <summary>
/// The therapist's answer to a refer-to-doctor recommendation at a visit: refer, or document why not.
/// A note with an open recommendation cannot be signed without one. Append-only.
/// </summary>
public sealed class ReferralAcknowledgement : ITenantOwned
{
    public const int NoteMaxLength = 500;

    private ReferralAcknowledgement()
    {
        Note = string.Empty;
        Reasons = [];
        ReasonCodes = [];
        AcknowledgedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid VisitId { get; private set; }

    public ReferralAction Action { get; private set; }

    /// <summary>To whom and how the patient was referred, or why not.</summary>
    public string Note { get; private set; }

    /// <summary>The reasons the recommendation gave, as the therapist saw them.</summary>
    public IReadOnlyList<string> Reasons { get; private set; }

    /// <summary>The codes of those reasons: what the answer answers, however they are worded later.</summary>
    public IReadOnlyList<string> ReasonCodes { get; private set; }

    public StaffRef AcknowledgedBy { get; private set; }

    public DateTimeOffset AcknowledgedAt { get; private set; }

    public static ReferralAcknowledgement Record(
        Guid clinicId, Guid episodeId, Guid visitId, ReferralRecommendation recommendation,
        ReferralAction action, string? note, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(by);
        if (!Enum.IsDefined(action))
        {
            throw new DomainException("Record whether the patient was referred.");
        }

        var text = action == ReferralAction.NotReferred
            ? Guard.Required(note, "The reason for not referring", NoteMaxLength)
            : Guard.Optional(note, "The referral note", NoteMaxLength) ?? string.Empty;
        return new ReferralAcknowledgement
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            EpisodeId = episodeId,
            VisitId = visitId,
            Action = action,
            Note = text,
            Reasons = [.. recommendation.Reasons.Select(r => r.Text)],
            ReasonCodes = [.. recommendation.Reasons.Select(r => r.Code)],
            AcknowledgedBy = by,
            AcknowledgedAt = at,
        };
    }

    /// <summary>
    /// Whether this answer covers every reason <paramref name="recommendation"/> gives now, by code:
    /// a new score in a sentence or a reworded reason keeps the answer, a new red flag needs a new one.
    /// </summary>
    public bool Answers(ReferralRecommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return recommendation.Reasons.All(reason => ReasonCodes.Contains(reason.Code));
    }
}
