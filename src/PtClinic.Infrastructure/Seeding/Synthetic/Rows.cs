using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>
/// A therapist of a clinic: whose episodes, visits and signatures they are. <see cref="Effect"/> moves
/// how well their episodes go, <see cref="Weight"/> their share of the clinic's episodes.
/// </summary>
public sealed record Therapist(Guid Id, Guid ClinicId, string FullName, bool DryNeedles, double Effect, double Weight)
{
    public Tendencies Tends { get; init; } = Tendencies.Usual;

    /// <summary>Whether they may needle on <paramref name="on"/>: certified, and not past the certificate's end.</summary>
    public bool NeedlesOn(DateOnly on) => DryNeedles && (Tends.NeedlesUntil is not { } until || on <= until);

    /// <summary>Whether they were with the clinic on <paramref name="on"/>.</summary>
    public bool WorksOn(DateOnly on) => Tends.Since is not { } since || on >= since;
}

/// <summary>
/// How a therapist's episodes go beside the clinic's usual (1, or the generator's rate): the demo
/// clinic's three differ, so the outcomes comparison has honest differences to show.
/// </summary>
public sealed record Tendencies
{
    public static Tendencies Usual { get; } = new();

    /// <summary>Joined the clinic on this day: no episode of theirs opens before it, no visit is covered by them.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The last day of their dry-needling certificate, when it has run out.</summary>
    public DateOnly? NeedlesUntil { get; init; }

    /// <summary>Times the patient's own no-show rate.</summary>
    public double NoShows { get; init; } = 1;

    /// <summary>Times the planned number of visits.</summary>
    public double Visits { get; init; } = 1;

    /// <summary>Times the weight of "stopped attending" among the discharge reasons.</summary>
    public double StoppedAttending { get; init; } = 1;

    /// <summary>How often the discharge visit is scored (percent); a discharge without scores is a gap in the outcomes.</summary>
    public double DischargeScoredPercent { get; init; } = 82;
}

internal sealed record UserRow(Guid Id, Guid ClinicId, string FullName, string Email, string SecurityStamp, Guid ConcurrencyStamp);

internal sealed record StaffRow(Guid Id, Guid ClinicId, string FullName, string Email, string Role, string Title, string? Licence, DateTimeOffset JoinedAt);

internal sealed record CredentialRow(Guid Id, Guid ClinicId, Guid StaffId, CredentialKind Kind, string Issuer, string Number, DateOnly IssuedOn, DateOnly? ExpiresOn, DateTimeOffset AddedAt);

internal sealed record PatientRow(
    Guid Id, Guid ClinicId, string Mrn, string GivenName, string FamilyName, DateOnly DateOfBirth, Sex Sex, string? Phone, string? Email,
    DateTimeOffset RegisteredAt, bool Anticoagulants, bool BleedingDisorder, bool NeedlePhobia, string? Occupation);

internal sealed record ConsentRow(Guid Id, Guid ClinicId, Guid PatientId, ConsentKind Kind, DateOnly GivenOn, DateTimeOffset RecordedAt, Therapist By);

internal sealed record EpisodeRow(
    Guid Id, Guid ClinicId, Guid PatientId, string Complaint, BodyRegion Region, BodySide Side, DateOnly? OnsetDate, string? ReferralSource,
    Guid TherapistId, EpisodeStatus Status, string? HoldReason, DischargeReason? DischargeReason, string? DischargeNote,
    DateTimeOffset OpenedAt, DateTimeOffset? DischargedAt);

internal sealed record VisitRow(
    Guid Id, Guid ClinicId, Guid PatientId, Guid EpisodeId, Guid TherapistId, Guid? CoveringTherapistId, DateTimeOffset StartsAt,
    int DurationMinutes, VisitType Type, VisitStatus Status, string? CancellationReason, DateTimeOffset? CheckedInAt);

/// <summary>A visit's note; <see cref="SignedAt"/> null for a draft. <see cref="By"/> is who wrote and signed it.</summary>
internal sealed record NoteRow(
    Guid Id, Guid ClinicId, Guid VisitId, string Subjective, string Objective, string Assessment, string Plan,
    DateTimeOffset LastEditedAt, DateTimeOffset? SignedAt, Therapist By);

/// <summary>A visit's assessment; <see cref="FrozenAt"/> is its note's signing, set after its knots and scores are in.</summary>
internal sealed record AssessmentRow(
    Guid Id, Guid ClinicId, Guid VisitId, Guid EpisodeId, Guid PatientId, string FindingsJson, DateTimeOffset LastEditedAt,
    DateTimeOffset? FrozenAt, Therapist By, DateTimeOffset VisitStartsAt, bool HasChildren);

internal sealed record OutcomeRow(Guid Id, Guid ClinicId, Guid AssessmentId, OutcomeMeasure Measure, decimal Score, int?[] Ratings, string[] ActivityNames, DateTimeOffset RecordedAt);

internal sealed record FindingRow(
    Guid Id, Guid ClinicId, Guid AssessmentId, Guid PatientId, DateTimeOffset VisitStartsAt, KnotSiteKey Site,
    int Tenderness, decimal? PressurePainThreshold, int? SizeMm, bool IsActive, bool LocalTwitchResponse, string[] ReferredPain);

internal sealed record AbsenceRow(Guid Id, Guid ClinicId, Guid AssessmentId, Guid PatientId, DateTimeOffset VisitStartsAt, KnotSiteKey Site);

internal sealed record DecisionRow(
    Guid Id, Guid ClinicId, Guid EpisodeId, Guid VisitId, RootCause Cause, HypothesisVerdict Verdict, string Reason, string[] Evidence,
    DateTimeOffset DecidedAt, Therapist By);

internal sealed record PlanRow(
    Guid Id, Guid ClinicId, Guid EpisodeId, Guid PatientId, int Number, Guid? ReplacesId, string ContentJson, DateTimeOffset CreatedAt,
    DateTimeOffset SignedAt, DateOnly CertifiedOn, DateOnly RecertificationDueOn, Therapist By);

internal sealed record TreatmentRow(Guid Id, Guid ClinicId, Guid VisitId, Guid EpisodeId, Guid PatientId, DateTimeOffset LastEditedAt, DateTimeOffset? FrozenAt, Therapist By);

internal sealed record PerformedRow(
    Guid Id, Guid ClinicId, Guid TreatmentId, string Code, string Name, string Billing, string? CptCode, int Minutes, string? Notes, DateTimeOffset PerformedAt);

internal sealed record NeedlingRow(
    Guid Id, Guid ClinicId, Guid TreatmentId, string SitesJson, int NeedleCount, decimal GaugeMm, int LengthMm, string LotNumber,
    string Technique, string? ImmediateResponse, string AdverseEventsJson, int AdverseEvents, DateTimeOffset PerformedAt, Therapist By);

internal sealed record KnotSiteRow(Guid Id, KnotSite Site);

/// <summary>The rows of a run of episodes, written together (in this order: each table's references come before it).</summary>
internal sealed class Batch
{
    public List<PatientRow> Patients { get; } = [];
    public List<ConsentRow> Consents { get; } = [];
    public List<EpisodeRow> Episodes { get; } = [];
    public List<VisitRow> Visits { get; } = [];
    public List<NoteRow> Notes { get; } = [];
    public List<AssessmentRow> Assessments { get; } = [];
    public List<OutcomeRow> Outcomes { get; } = [];
    public List<FindingRow> Findings { get; } = [];
    public List<AbsenceRow> Absences { get; } = [];
    public List<DecisionRow> Decisions { get; } = [];
    public List<PlanRow> Plans { get; } = [];
    public List<TreatmentRow> Treatments { get; } = [];
    public List<PerformedRow> Performed { get; } = [];
    public List<NeedlingRow> Needling { get; } = [];
    public List<KnotSiteRow> KnotSites { get; } = [];
}
