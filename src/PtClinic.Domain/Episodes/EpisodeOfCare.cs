using PtClinic.Domain.Common;

namespace PtClinic.Domain.Episodes;

/// <summary>
/// One case: a patient's complaint from first visit to discharge (FHIR EpisodeOfCare). A patient
/// may have several, past and present. Once discharged it is read-only; its notes take addenda only.
/// </summary>
public sealed class EpisodeOfCare : AggregateRoot, ITenantOwned
{
    public const int ChiefComplaintMaxLength = 500;
    public const int ReferralSourceMaxLength = 200;
    public const int DischargeNoteMaxLength = 2000;
    public const int HoldReasonMaxLength = 500;

    public const string DischargedMessage = "This episode is discharged and read-only; add an addendum to a note instead.";

    private EpisodeOfCare()
    {
        ChiefComplaint = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public string ChiefComplaint { get; private set; }

    public BodyRegion Region { get; private set; }

    public BodySide Side { get; private set; }

    public DateOnly? OnsetDate { get; private set; }

    public string? ReferralSource { get; private set; }

    /// <summary>The responsible therapist (a staff user id).</summary>
    public Guid TherapistId { get; private set; }

    public EpisodeStatus Status { get; private set; }

    public string? HoldReason { get; private set; }

    public DischargeReason? DischargeReason { get; private set; }

    public string? DischargeNote { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? DischargedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsDischarged => Status == EpisodeStatus.Discharged;

    public static EpisodeOfCare Open(
        Guid clinicId,
        Guid patientId,
        string chiefComplaint,
        BodyRegion region,
        BodySide side,
        DateOnly? onsetDate,
        string? referralSource,
        Guid therapistId,
        DateTimeOffset at,
        DateOnly clinicToday)
    {
        EnsureOnsetNotInFuture(onsetDate, clinicToday);
        var episode = new EpisodeOfCare
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            PatientId = patientId,
            ChiefComplaint = Guard.Required(chiefComplaint, "Chief complaint", ChiefComplaintMaxLength),
            Region = region,
            Side = side,
            OnsetDate = onsetDate,
            ReferralSource = Guard.Optional(referralSource, "Referral source", ReferralSourceMaxLength),
            TherapistId = therapistId,
            Status = EpisodeStatus.Open,
            OpenedAt = at,
        };
        episode.Raise(new EpisodeOpened(episode));
        return episode;
    }

    /// <summary>Treatment is under way: the first visit was checked in.</summary>
    public void Activate()
    {
        EnsureNotDischarged();
        HoldReason = null;
        Status = EpisodeStatus.Active;
        Raise(new EpisodeStatusChanged(this));
    }

    /// <summary>A hold ends and treatment continues.</summary>
    public void Resume()
    {
        if (Status != EpisodeStatus.OnHold)
        {
            throw new DomainException("Only an episode on hold can be resumed.");
        }

        Activate();
    }

    public void PutOnHold(string? reason)
    {
        EnsureNotDischarged();
        HoldReason = Guard.Optional(reason, "Hold reason", HoldReasonMaxLength);
        Status = EpisodeStatus.OnHold;
        Raise(new EpisodeStatusChanged(this));
    }

    /// <param name="unsignedNotes">Draft notes of this episode's visits: they must be signed first,
    /// because a discharged episode's notes take addenda only.</param>
    public void Discharge(DischargeReason reason, string? note, int unsignedNotes, DateTimeOffset at)
    {
        EnsureNotDischarged();
        if (unsignedNotes > 0)
        {
            throw new DomainException(unsignedNotes == 1
                ? "One visit note of this episode is still a draft: sign it before discharging."
                : $"{unsignedNotes} visit notes of this episode are still drafts: sign them before discharging.");
        }

        if (reason == Episodes.DischargeReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say why the episode ends when the reason is \"other\".");
        }

        DischargeReason = reason;
        DischargeNote = Guard.Optional(note, "Discharge note", DischargeNoteMaxLength);
        DischargedAt = at;
        Status = EpisodeStatus.Discharged;
        Raise(new EpisodeStatusChanged(this));
    }

    public void Revise(string chiefComplaint, BodyRegion region, BodySide side, DateOnly? onsetDate, string? referralSource, Guid therapistId, DateOnly clinicToday)
    {
        EnsureNotDischarged();
        EnsureOnsetNotInFuture(onsetDate, clinicToday);
        ChiefComplaint = Guard.Required(chiefComplaint, "Chief complaint", ChiefComplaintMaxLength);
        Region = region;
        Side = side;
        OnsetDate = onsetDate;
        ReferralSource = Guard.Optional(referralSource, "Referral source", ReferralSourceMaxLength);
        TherapistId = therapistId;
        Raise(new EpisodeRevised(this));
    }

    /// <param name="clinicToday">The clinic's date: an onset "today" is today where the clinic is.</param>
    private static void EnsureOnsetNotInFuture(DateOnly? onsetDate, DateOnly clinicToday)
    {
        if (onsetDate is { } onset && onset > clinicToday)
        {
            throw new DomainException("The onset date cannot be in the future.");
        }
    }

    public void EnsureNotDischarged()
    {
        if (IsDischarged)
        {
            throw new DomainException(DischargedMessage);
        }
    }
}
