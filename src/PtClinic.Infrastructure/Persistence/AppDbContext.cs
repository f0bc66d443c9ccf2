using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
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
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// One context for clinical data, Identity and data-protection keys. Each instance is bound to the
/// clinic of the user it serves: a global query filter hides every other clinic's rows, and saving a
/// row of another clinic is refused. It is also the unit of work that dispatches the domain events
/// its tracked aggregates raised, inside the transaction of the save (AppDbContext.UnitOfWork.cs).
/// </summary>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    // Contexts are pooled, so the user is set on each rent (ServingUser) and cleared on return
    // (Dispose): a context never carries one clinic's filter into another's operation.
    private ICurrentUser _currentUser = NoUser.Instance;

    /// <summary>Binds this context to the user (and so the clinic) it serves.</summary>
    public AppDbContext ServingUser(ICurrentUser user)
    {
        _currentUser = user;
        return this;
    }

    public override void Dispose()
    {
        _currentUser = NoUser.Instance;
        _domainEvents = null;
        _audit = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _currentUser = NoUser.Instance;
        _domainEvents = null;
        _audit = null;
        return base.DisposeAsync();
    }

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ClinicLogo> ClinicLogos => Set<ClinicLogo>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<StaffCredential> StaffCredentials => Set<StaffCredential>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<EpisodeOfCare> Episodes => Set<EpisodeOfCare>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitNote> VisitNotes => Set<VisitNote>();

    public DbSet<NoteAddendum> NoteAddenda => Set<NoteAddendum>();

    public DbSet<VisitAssessment> VisitAssessments => Set<VisitAssessment>();

    public DbSet<KnotFinding> KnotFindings => Set<KnotFinding>();

    public DbSet<KnotAbsence> KnotAbsences => Set<KnotAbsence>();

    public DbSet<KnotSite> KnotSites => Set<KnotSite>();

    public DbSet<RecordedOutcome> RecordedOutcomes => Set<RecordedOutcome>();

    public DbSet<CauseDecision> CauseDecisions => Set<CauseDecision>();

    public DbSet<ReferralAcknowledgement> ReferralAcknowledgements => Set<ReferralAcknowledgement>();

    public DbSet<EpisodeRedFlag> EpisodeRedFlags => Set<EpisodeRedFlag>();

    public DbSet<EpisodeOutcome> EpisodeOutcomes => Set<EpisodeOutcome>();

    public DbSet<Application.Features.Dashboard.EpisodeOutcomeMonth> EpisodeOutcomeMonths => Set<Application.Features.Dashboard.EpisodeOutcomeMonth>();

    public DbSet<PlanOfCare> PlansOfCare => Set<PlanOfCare>();

    public DbSet<HandoutVersion> HandoutVersions => Set<HandoutVersion>();

    public DbSet<HandoutPrintRun> HandoutPrintRuns => Set<HandoutPrintRun>();

    public DbSet<VisitTreatment> VisitTreatments => Set<VisitTreatment>();

    public DbSet<PerformedIntervention> PerformedInterventions => Set<PerformedIntervention>();

    public DbSet<DryNeedlingProcedure> DryNeedlingProcedures => Set<DryNeedlingProcedure>();

    public DbSet<Muscle> Muscles => Set<Muscle>();

    public DbSet<CatalogIntervention> CatalogInterventions => Set<CatalogIntervention>();

    public DbSet<ClinicIntervention> ClinicInterventions => Set<ClinicIntervention>();

    public DbSet<ClinicIllustration> ClinicIllustrations => Set<ClinicIllustration>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>Read by the query filters for each query; EF Core sends it as a parameter.</summary>
    internal Guid? CurrentClinicId => _currentUser.ClinicId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // PostgreSQL's timestamptz holds an instant; Npgsql accepts only UTC offsets. Times arrive
        // in the clinic's zone from the UI, so every DateTimeOffset is stored as the same instant in UTC.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.HasSequence<long>(MrnGenerator.SequenceName).StartsAt(1001);
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("btree_gin");

        // Identity names its tables explicitly (AspNetUsers...); keep the schema in one naming style.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<ApplicationUser>().Property(u => u.FullName).HasMaxLength(ApplicationUser.FullNameMaxLength);
        builder.Entity<ApplicationUser>().HasIndex(u => u.ClinicId);
        builder.Entity<ApplicationUser>().HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId)
            .OnDelete(DeleteBehavior.Restrict);

        // A clinic sees only itself; with no signed-in clinic, nothing at all (fail closed).
        builder.Entity<Clinic>().HasQueryFilter(c => c.Id == CurrentClinicId);
        // Not ITenantOwned: a sign-in nobody was recognised for has no clinic. Those rows are read by
        // no user (only by the host's verifier), hence the explicit null check.
        builder.Entity<AuditEvent>().HasQueryFilter(e => CurrentClinicId != null && e.ClinicId == CurrentClinicId);
        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            entity.SetQueryFilter(TenantFilter(entity.ClrType));
        }
    }

    /// <summary>Nobody signed in: the clinic filters match no row.</summary>
    private sealed class NoUser : ICurrentUser
    {
        public static readonly NoUser Instance = new();

        public bool IsAuthenticated => false;

        public bool IsSystem => false;

        public Guid? UserId => null;

        public Guid? ClinicId => null;

        public string? DisplayName => null;

        public bool IsInRole(string role) => false;
    }

    private sealed class UtcDateTimeOffsetConverter()
        : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
            value => value.ToUniversalTime(), value => value);

    private LambdaExpression TenantFilter(Type entityType)
    {
        // e => e.ClinicId == this.CurrentClinicId
        var e = Expression.Parameter(entityType, "e");
        var clinicId = Expression.Convert(Expression.Property(e, nameof(ITenantOwned.ClinicId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentClinicId));
        return Expression.Lambda(Expression.Equal(clinicId, current), e);
    }

    private void RefuseWritesToOtherClinics()
    {
        // Seeding and background jobs run without a user and name the clinic explicitly.
        if (CurrentClinicId is not { } clinicId)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.ClinicId != clinicId)
            {
                throw new InvalidOperationException(
                    $"Refused to save a {entry.Metadata.ClrType.Name} of another clinic.");
            }
        }
    }
}
