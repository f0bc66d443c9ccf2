using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Treatment;

namespace PtClinic.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Signed,
}

/// <summary>
/// One version of an episode's plan of care (FHIR CarePlan). A version is written as a draft and
/// signed with a certification date; a signed version is never edited: revising it starts the next
/// version as a draft copy that replaces it (CarePlan.replaces), so every earlier version stays
/// readable exactly as it was certified. The version in force is the latest signed one.
/// </summary>
public sealed class PlanOfCare : ITenantOwned
{
    /// <summary>Re-certification is due at most this many days after the certification date.</summary>
    public const int MaxDaysToRecertification = 90;

    private PlanOfCare()
    {
        Content = PlanContent.Empty(default);
        CreatedBy = LastEditedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>1 for the first plan of the episode, then one more for each revision.</summary>
    public int Number { get; private set; }

    /// <summary>The signed version this one revises (FHIR CarePlan.replaces); null for the first.</summary>
    public Guid? ReplacesId { get; private set; }

    public PlanStatus Status { get; private set; }

    public PlanContent Content { get; private set; }

    public StaffRef CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public StaffRef LastEditedBy { get; private set; }

    public DateTimeOffset LastEditedAt { get; private set; }

    public StaffRef? SignedBy { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>The date the therapist certifies the plan from.</summary>
    public DateOnly? CertifiedOn { get; private set; }

    public DateOnly? RecertificationDueOn { get; private set; }

    /// <summary>Concurrency token (xmin): a save from a page that read an older version is refused.</summary>
    public uint Version { get; private set; }

    public bool IsSigned => Status == PlanStatus.Signed;

    public static PlanOfCare Start(EpisodeOfCare episode, DateOnly startsOn, StaffRef author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(author);
        episode.EnsureNotDischarged();
        return new PlanOfCare
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = episode.ClinicId,
            EpisodeId = episode.Id,
            PatientId = episode.PatientId,
            Number = 1,
            Status = PlanStatus.Draft,
            Content = PlanContent.Empty(startsOn),
            CreatedBy = author,
            CreatedAt = at,
            LastEditedBy = author,
            LastEditedAt = at,
        };
    }

    /// <summary>The next version, a draft copy of this signed one; this one is not touched.</summary>
    public PlanOfCare Revise(EpisodeOfCare episode, StaffRef author, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(author);
        episode.EnsureNotDischarged();
        if (!IsSigned)
        {
            throw new DomainException("Only a signed plan is revised; edit the draft instead.");
        }

        return new PlanOfCare
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = ClinicId,
            EpisodeId = EpisodeId,
            PatientId = PatientId,
            Number = Number + 1,
            ReplacesId = Id,
            Status = PlanStatus.Draft,
            Content = Content with { SettledSuggestions = [] },
            CreatedBy = author,
            CreatedAt = at,
            LastEditedBy = author,
            LastEditedAt = at,
        };
    }

    /// <summary>Replaces the draft's content, each prescription checked against the safety rules now.</summary>
    public void Edit(PlanContent content, Func<string, InterventionDefinition?> intervention, SafetyContext safety, StaffRef editor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(editor);
        EnsureDraft();
        Content = content.Checked(intervention, safety);
        LastEditedBy = editor;
        LastEditedAt = at;
    }

    /// <summary>
    /// Signs the draft: the certification date is not in the future nor before the plan starts, and
    /// re-certification is due at most <see cref="MaxDaysToRecertification"/> days after it. The
    /// prescriptions are checked again, with the patient as they are at signing.
    /// </summary>
    public void Sign(
        DateOnly certifiedOn, DateOnly? recertifyBy, DateOnly clinicToday,
        Func<string, InterventionDefinition?> intervention, SafetyContext safety, StaffRef signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signer);
        EnsureDraft();
        if (certifiedOn > clinicToday)
        {
            throw new DomainException("The certification date cannot be in the future.");
        }

        if (certifiedOn < Content.StartsOn)
        {
            throw new DomainException("The certification date cannot be before the plan starts.");
        }

        var latestDue = certifiedOn.AddDays(MaxDaysToRecertification);
        var due = recertifyBy ?? latestDue;
        if (due <= certifiedOn || due > latestDue)
        {
            throw new DomainException($"Re-certification is due after the certification date and at most {MaxDaysToRecertification} days later.");
        }

        if (Content.Goals.Count == 0)
        {
            throw new DomainException("Set at least one goal before signing the plan.");
        }

        if (Content.VisitsPerWeek is null || Content.DurationWeeks is null)
        {
            throw new DomainException("Set the visit frequency and the plan's duration before signing it.");
        }

        Content = Content.Checked(intervention, safety);
        Status = PlanStatus.Signed;
        SignedBy = signer;
        SignedAt = at;
        CertifiedOn = certifiedOn;
        RecertificationDueOn = due;
        LastEditedBy = signer;
        LastEditedAt = at;
    }

    /// <summary>Whether re-certification is overdue on <paramref name="clinicToday"/> (never for a draft).</summary>
    public bool IsRecertificationOverdue(DateOnly clinicToday) => RecertificationDueOn is { } due && clinicToday > due;

    private void EnsureDraft()
    {
        if (IsSigned)
        {
            throw new DomainException("A signed plan is never edited: revise it to make the next version.");
        }
    }
}
