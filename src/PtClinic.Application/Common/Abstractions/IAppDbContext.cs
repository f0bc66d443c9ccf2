using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// The database as handlers see it: EF Core's own DbSets (no repository layer on top), already
/// filtered to the current user's clinic.
/// </summary>
public interface IAppDbContext
{
    DbSet<Clinic> Clinics { get; }

    /// <summary>Append-only: add rows through IAuditLog or a command's save, never edit them.</summary>
    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<ClinicLogo> ClinicLogos { get; }

    DbSet<StaffMember> StaffMembers { get; }

    DbSet<StaffCredential> StaffCredentials { get; }

    DbSet<Patient> Patients { get; }

    DbSet<Consent> Consents { get; }

    DbSet<EpisodeOfCare> Episodes { get; }

    DbSet<Visit> Visits { get; }

    DbSet<VisitNote> VisitNotes { get; }

    DbSet<NoteAddendum> NoteAddenda { get; }

    DbSet<VisitAssessment> VisitAssessments { get; }

    DbSet<KnotFinding> KnotFindings { get; }

    DbSet<KnotAbsence> KnotAbsences { get; }

    /// <summary>Each patient's tracked knot sites with their state (kept current when a note is signed).</summary>
    DbSet<KnotSite> KnotSites { get; }

    DbSet<RecordedOutcome> RecordedOutcomes { get; }

    DbSet<CauseDecision> CauseDecisions { get; }

    DbSet<ReferralAcknowledgement> ReferralAcknowledgements { get; }

    /// <summary>Red flags open on an episode, and the closed ones as history; never deleted.</summary>
    DbSet<EpisodeRedFlag> EpisodeRedFlags { get; }

    /// <summary>Each episode as the outcomes dashboard counts it: derived from the signed records, written only by the refresh.</summary>
    DbSet<EpisodeOutcome> EpisodeOutcomes { get; }

    /// <summary>The discharged episodes' figures added up by therapist, region and months: written only with the outcome rows.</summary>
    DbSet<Features.Dashboard.EpisodeOutcomeMonth> EpisodeOutcomeMonths { get; }

    /// <summary>Plan-of-care versions; a signed one is never updated (the database refuses it).</summary>
    DbSet<PlanOfCare> PlansOfCare { get; }

    /// <summary>Issued home-program handouts; only ever added to.</summary>
    DbSet<HandoutVersion> HandoutVersions { get; }

    /// <summary>Therapists' prints of the day's handouts, with their items.</summary>
    DbSet<HandoutPrintRun> HandoutPrintRuns { get; }

    DbSet<VisitTreatment> VisitTreatments { get; }

    DbSet<PerformedIntervention> PerformedInterventions { get; }

    DbSet<DryNeedlingProcedure> DryNeedlingProcedures { get; }

    /// <summary>Reference data, the same for every clinic.</summary>
    DbSet<Muscle> Muscles { get; }

    /// <summary>Reference data, the same for every clinic: the seeded intervention catalog.</summary>
    DbSet<CatalogIntervention> CatalogInterventions { get; }

    /// <summary>The clinic's own catalog entries and its edits of seeded ones.</summary>
    DbSet<ClinicIntervention> ClinicInterventions { get; }

    /// <summary>The clinic's own pictures for home-program items, replacing the drawings handouts print.</summary>
    DbSet<ClinicIllustration> ClinicIllustrations { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
