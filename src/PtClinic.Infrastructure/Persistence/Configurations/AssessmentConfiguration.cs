using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class VisitAssessmentConfiguration : IEntityTypeConfiguration<VisitAssessment>
{
    public void Configure(EntityTypeBuilder<VisitAssessment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Visit>().WithOne().HasForeignKey<VisitAssessment>(a => a.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.VisitId).IsUnique();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EpisodeId);
        // A patient's assessments in visit order, signed or not, from the index alone: the knot
        // history leaves out the unsigned ones, the timeline lists the signed ones.
        builder.HasIndex(a => new { a.PatientId, a.VisitStartsAt }).IncludeProperties(a => new { a.FrozenAt, a.EpisodeId, a.VisitId });
        builder.Property(a => a.Findings).HasColumnType("jsonb")
            .HasConversion(FindingsJson.Converter, FindingsJson.Comparer);
        builder.ComplexProperty(a => a.LastEditedBy, StaffRefColumns.Configure);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.IsFrozen);

        builder.HasMany(a => a.Knots).WithOne().HasForeignKey(k => k.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Knots).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Absences).WithOne().HasForeignKey(k => k.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Absences).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Outcomes).WithOne().HasForeignKey(o => o.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Outcomes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ToTable(t => t.HasComment("The structured part of a visit note; a trigger refuses changes once frozen (signed)."));
    }
}

internal sealed class KnotFindingConfiguration : IEntityTypeConfiguration<KnotFinding>
{
    public void Configure(EntityTypeBuilder<KnotFinding> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.MuscleCode).HasMaxLength(Muscle.CodeMaxLength);
        builder.HasOne<Muscle>().WithMany().HasForeignKey(k => k.MuscleCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Zone).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.PressurePainThreshold).HasPrecision(4, 1);
        builder.PrimitiveCollection(k => k.ReferredPain).ElementType(e => e.HasConversion<string>());
        // One knot per site per visit; the site is also what knot tracking across visits keys on.
        builder.HasIndex(k => new { k.AssessmentId, k.MuscleCode, k.Side, k.Zone }).IsUnique();
        // The knot history is read by patient and site in visit order from this row alone (the
        // patient and the visit's start are copied onto it), signed or not told by the assessment.
        // The index carries every column that read uses (the clinic for the tenant filter, the
        // referral areas for "refers pain"), so a long history is an index-only scan.
        builder.HasOne<Patient>().WithMany().HasForeignKey(k => k.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => new { k.PatientId, k.MuscleCode, k.Side, k.Zone, k.VisitStartsAt })
            .IncludeProperties(k => new { k.AssessmentId, k.Tenderness, k.SizeMm, k.IsActive, k.ReferredPain, k.ClinicId });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_knot_findings_tenderness", $"tenderness BETWEEN 0 AND {KnotPresentation.MaxTenderness}");
            t.HasComment("Knots charted at a visit; frozen with their assessment.");
        });
    }
}

internal sealed class KnotAbsenceConfiguration : IEntityTypeConfiguration<KnotAbsence>
{
    public void Configure(EntityTypeBuilder<KnotAbsence> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.MuscleCode).HasMaxLength(Muscle.CodeMaxLength);
        builder.HasOne<Muscle>().WithMany().HasForeignKey(k => k.MuscleCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Zone).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(k => new { k.AssessmentId, k.MuscleCode, k.Side, k.Zone }).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(k => k.PatientId).OnDelete(DeleteBehavior.Restrict);
        // As the findings' index: the history reads absences from it alone.
        builder.HasIndex(k => new { k.PatientId, k.MuscleCode, k.Side, k.Zone, k.VisitStartsAt }).IncludeProperties(k => new { k.AssessmentId, k.ClinicId });
        builder.ToTable(t => t.HasComment("Tracked knot sites palpated at a visit and not found; frozen with their assessment."));
    }
}

internal sealed class KnotSiteConfiguration : IEntityTypeConfiguration<KnotSite>
{
    public void Configure(EntityTypeBuilder<KnotSite> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasOne<Patient>().WithMany().HasForeignKey(k => k.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.MuscleCode).HasMaxLength(Muscle.CodeMaxLength);
        builder.HasOne<Muscle>().WithMany().HasForeignKey(k => k.MuscleCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Zone).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(k => new { k.PatientId, k.MuscleCode, k.Side, k.Zone }).IsUnique();
        builder.Ignore(k => k.Site);
        builder.Ignore(k => k.Track);
        builder.ToTable(t => t.HasComment("Each patient's tracked knot sites (FHIR BodyStructure) and their state, derived from the signed notes; rebuilt from them at any time."));
    }
}

internal sealed class RecordedOutcomeConfiguration : IEntityTypeConfiguration<RecordedOutcome>
{
    public void Configure(EntityTypeBuilder<RecordedOutcome> builder)
    {
        builder.ToTable("recorded_outcomes", t => t.HasComment("Questionnaires answered at a visit, with the domain-computed score; frozen with their assessment."));
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Measure).HasConversion<string>().HasMaxLength(16);
        // Unbounded numeric keeps the exact decimal the domain computed (PSFS 13/3 reads back as 13/3).
        builder.Property(o => o.Score).HasColumnType("numeric");
        builder.PrimitiveCollection(o => o.Ratings);
        builder.PrimitiveCollection(o => o.ActivityNames);
        builder.HasIndex(o => new { o.AssessmentId, o.Measure }).IsUnique();
    }
}

internal sealed class CauseDecisionConfiguration : IEntityTypeConfiguration<CauseDecision>
{
    public void Configure(EntityTypeBuilder<CauseDecision> builder)
    {
        builder.ToTable(t => t.HasComment("Root-cause decisions on an episode; append-only."));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(d => d.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(d => d.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Cause).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(HypothesisDecision.ReasonMaxLength);
        builder.PrimitiveCollection(d => d.Evidence);
        builder.ComplexProperty(d => d.DecidedBy, StaffRefColumns.Configure);
        builder.HasIndex(d => new { d.EpisodeId, d.DecidedAt });
    }
}

internal sealed class ReferralAcknowledgementConfiguration : IEntityTypeConfiguration<ReferralAcknowledgement>
{
    public void Configure(EntityTypeBuilder<ReferralAcknowledgement> builder)
    {
        builder.ToTable(t => t.HasComment("Answers to refer-to-doctor recommendations; append-only."));
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(r => r.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.VisitId);
        builder.HasIndex(r => r.EpisodeId);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(ReferralAcknowledgement.NoteMaxLength);
        builder.PrimitiveCollection(r => r.Reasons);
        builder.PrimitiveCollection(r => r.ReasonCodes);
        builder.ComplexProperty(r => r.AcknowledgedBy, StaffRefColumns.Configure);
    }
}
