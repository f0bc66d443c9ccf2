using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class PlanOfCareConfiguration : IEntityTypeConfiguration<PlanOfCare>
{
    public void Configure(EntityTypeBuilder<PlanOfCare> builder)
    {
        builder.ToTable("plans_of_care", t =>
        {
            t.HasComment("Plan-of-care versions (FHIR CarePlan); a signed version is frozen by a trigger, and revised by a new row that replaces it.");
            t.HasCheckConstraint("ck_plans_of_care_number", "number >= 1");
            t.HasCheckConstraint("ck_plans_of_care_signature",
                "(status = 'Draft' AND signed_at IS NULL AND certified_on IS NULL AND recertification_due_on IS NULL) OR " +
                "(status = 'Signed' AND signed_at IS NOT NULL AND certified_on IS NOT NULL AND recertification_due_on IS NOT NULL " +
                $"AND recertification_due_on > certified_on AND recertification_due_on <= certified_on + {PlanOfCare.MaxDaysToRecertification})");
        });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanOfCare>().WithOne().HasForeignKey<PlanOfCare>(p => p.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.EpisodeId, p.Number }).IsUnique();
        // One draft per episode: a second tab starting or revising at once gets a Conflict.
        builder.HasIndex(p => p.EpisodeId).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_plans_of_care_one_draft_per_episode");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Content).HasColumnType("jsonb")
            .HasConversion(PlanContentJson.Converter, PlanContentJson.Comparer);
        builder.ComplexProperty(p => p.CreatedBy, StaffRefColumns.Configure);
        builder.ComplexProperty(p => p.LastEditedBy, StaffRefColumns.Configure);
        builder.ComplexProperty(p => p.SignedBy, StaffRefColumns.Configure);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.IsSigned);
    }
}
