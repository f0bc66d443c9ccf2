using System.Globalization;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;

namespace PtClinic.Domain.Episodes;

/// <summary>How the therapist closed a red flag.</summary>
public enum RedFlagClosing
{
    /// <summary>It went away or was explained, in the therapist's judgement (the note says how).</summary>
    Resolved,

    /// <summary>The patient was referred for it (to whom / what, and when, are recorded).</summary>
    Referred,
}

/// <summary>
/// A red flag open on an episode of care: opened by the signed note that recorded it, and open
/// until the therapist closes it, whether or not later visits tick it again. One per flag per
/// episode while open; ticked again after closing, it opens a new one. Never deleted, and what
/// was recorded when closing never changes (the database refuses both).
/// </summary>
public sealed class EpisodeRedFlag : ITenantOwned
{
    /// <summary>A short note on how it resolved, or on the referral.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>To whom or what the patient was referred ("GP, Dr Okafor — same-day letter").</summary>
    public const int ReferredToMaxLength = 200;

    private EpisodeRedFlag()
    {
        RaisedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid PatientId { get; private set; }

    public RedFlag Flag { get; private set; }

    /// <summary>The visit whose signed note recorded it first (while this row is open).</summary>
    public Guid RaisedAtVisitId { get; private set; }

    /// <summary>When that visit took place: the flags open at a visit are those raised at or before it.</summary>
    public DateTimeOffset RaisedAtVisitStartsAt { get; private set; }

    /// <summary>Who signed that note, and when: the moment the flag opened on the episode.</summary>
    public StaffRef RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public RedFlagClosing? ClosedAs { get; private set; }

    /// <summary>For a resolved flag, how it resolved (required); for a referral, anything to add.</summary>
    public string? ClosingNote { get; private set; }

    public string? ReferredTo { get; private set; }

    public DateOnly? ReferredOn { get; private set; }

    /// <summary>The referral answer recorded at a visit that covered this flag, when there is one.</summary>
    public Guid? ReferralAcknowledgementId { get; private set; }

    public StaffRef? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>
    /// The flags a signed note opens on its episode: those it ticked that are not open there
    /// already, once each.
    /// </summary>
    /// <param name="alreadyOpen">The flags open on the episode before this signature.</param>
    public static IReadOnlyList<EpisodeRedFlag> OpenedBy(
        SignedVisit visit, IEnumerable<RedFlag> ticked, IEnumerable<RedFlag> alreadyOpen)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(ticked);
        ArgumentNullException.ThrowIfNull(alreadyOpen);
        var open = alreadyOpen.ToHashSet();
        return [.. ticked.Distinct().Where(flag => !open.Contains(flag)).Order().Select(flag => new EpisodeRedFlag
        {
            Id = Guid.CreateVersion7(visit.SignedAt),
            ClinicId = visit.ClinicId,
            EpisodeId = visit.EpisodeId,
            PatientId = visit.PatientId,
            Flag = flag,
            RaisedAtVisitId = visit.VisitId,
            RaisedAtVisitStartsAt = visit.StartsAt,
            RaisedBy = visit.SignedBy,
            RaisedAt = visit.SignedAt,
        })];
    }

    /// <summary>Closes the flag as resolved: the note saying how is required.</summary>
    public void Resolve(string? note, StaffRef by, DateTimeOffset at)
    {
        var text = Guard.Required(note, "How the red flag resolved", NoteMaxLength);
        Close(RedFlagClosing.Resolved, by, at);
        ClosingNote = text;
    }

    /// <summary>
    /// Closes the flag as referred: to whom or what, and the date of the referral, which is neither
    /// before the visit that raised the flag nor after the clinic's today.
    /// </summary>
    /// <param name="raisedOn">The clinic's date of the visit that raised the flag.</param>
    public void Refer(
        string? referredTo, DateOnly referredOn, string? note, Guid? acknowledgementId,
        DateOnly raisedOn, DateOnly clinicToday, StaffRef by, DateTimeOffset at)
    {
        var to = Guard.Required(referredTo, "Whom the patient was referred to", ReferredToMaxLength);
        var text = Guard.Optional(note, "The referral note", NoteMaxLength);
        if (referredOn < raisedOn)
        {
            throw new DomainException("A referral for this red flag cannot be dated before the visit that recorded it.");
        }

        if (referredOn > clinicToday)
        {
            throw new DomainException("A referral cannot be dated in the future.");
        }

        Close(RedFlagClosing.Referred, by, at);
        ReferredTo = to;
        ReferredOn = referredOn;
        ClosingNote = text;
        ReferralAcknowledgementId = acknowledgementId;
    }

    private void Close(RedFlagClosing how, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (ClosedAt is { } closedAt)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture,
                $"This red flag was already closed ({(ClosedAs == RedFlagClosing.Referred ? "referred" : "resolved")}) by {ClosedBy!.Name} on {closedAt:d MMM yyyy}; what was recorded then stays as it is."));
        }

        ClosedAs = how;
        ClosedBy = by;
        ClosedAt = at;
    }
}

/// <summary>What <see cref="EpisodeRedFlag.OpenedBy"/> needs of the visit whose note was just signed.</summary>
public sealed record SignedVisit(
    Guid ClinicId, Guid EpisodeId, Guid PatientId, Guid VisitId, DateTimeOffset StartsAt, StaffRef SignedBy, DateTimeOffset SignedAt);
