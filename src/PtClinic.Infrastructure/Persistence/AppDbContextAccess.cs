using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PtClinic.Application.Common.Abstractions;
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

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// The scope's pooled <see cref="AppDbContext"/> as handlers see it. A separate, non-disposable
/// object on purpose: were IAppDbContext resolved straight to the context, the DI scope would
/// dispose the context twice, and a pooled context disposed a second time goes back to the pool
/// while another operation is already using it.
/// </summary>
internal sealed class AppDbContextAccess(AppDbContext db) : IAppDbContext
{
    public DbSet<Clinic> Clinics => db.Clinics;

    public DbSet<AuditEvent> AuditEvents => db.AuditEvents;

    public DbSet<ClinicLogo> ClinicLogos => db.ClinicLogos;

    public DbSet<StaffMember> StaffMembers => db.StaffMembers;

    public DbSet<StaffCredential> StaffCredentials => db.StaffCredentials;

    public DbSet<Patient> Patients => db.Patients;

    public DbSet<Consent> Consents => db.Consents;

    public DbSet<EpisodeOfCare> Episodes => db.Episodes;

    public DbSet<Visit> Visits => db.Visits;

    public DbSet<VisitNote> VisitNotes => db.VisitNotes;

    public DbSet<NoteAddendum> NoteAddenda => db.NoteAddenda;

    public DbSet<VisitAssessment> VisitAssessments => db.VisitAssessments;

    public DbSet<KnotFinding> KnotFindings => db.KnotFindings;

    public DbSet<KnotAbsence> KnotAbsences => db.KnotAbsences;

    public DbSet<KnotSite> KnotSites => db.KnotSites;

    public DbSet<RecordedOutcome> RecordedOutcomes => db.RecordedOutcomes;

    public DbSet<CauseDecision> CauseDecisions => db.CauseDecisions;

    public DbSet<ReferralAcknowledgement> ReferralAcknowledgements => db.ReferralAcknowledgements;

    public DbSet<EpisodeRedFlag> EpisodeRedFlags => db.EpisodeRedFlags;

    public DbSet<EpisodeOutcome> EpisodeOutcomes => db.EpisodeOutcomes;

    public DbSet<Application.Features.Dashboard.EpisodeOutcomeMonth> EpisodeOutcomeMonths => db.EpisodeOutcomeMonths;

    public DbSet<PlanOfCare> PlansOfCare => db.PlansOfCare;

    public DbSet<HandoutVersion> HandoutVersions => db.HandoutVersions;

    public DbSet<HandoutPrintRun> HandoutPrintRuns => db.HandoutPrintRuns;

    public DbSet<VisitTreatment> VisitTreatments => db.VisitTreatments;

    public DbSet<PerformedIntervention> PerformedInterventions => db.PerformedInterventions;

    public DbSet<DryNeedlingProcedure> DryNeedlingProcedures => db.DryNeedlingProcedures;

    public DbSet<Muscle> Muscles => db.Muscles;

    public DbSet<CatalogIntervention> CatalogInterventions => db.CatalogInterventions;

    public DbSet<ClinicIntervention> ClinicInterventions => db.ClinicInterventions;

    public DbSet<ClinicIllustration> ClinicIllustrations => db.ClinicIllustrations;

    public EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class => db.Entry(entity);

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);
}
