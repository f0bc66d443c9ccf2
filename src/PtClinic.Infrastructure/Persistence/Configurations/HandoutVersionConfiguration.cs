using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class HandoutVersionConfiguration : IEntityTypeConfiguration<HandoutVersion>
{
    public void Configure(EntityTypeBuilder<HandoutVersion> builder)
    {
        builder.ToTable("handout_versions", t =>
        {
            t.HasComment("Issued home-program handouts (FHIR DocumentReference): what was printed and the PDF; never changed (a trigger and the grants refuse it).");
            t.HasCheckConstraint("ck_handout_versions_number", "number >= 1");
            t.HasCheckConstraint("ck_handout_versions_items", "item_count >= 1");
            t.HasCheckConstraint("ck_handout_versions_pdf", $"octet_length(pdf) BETWEEN 1 AND {HandoutVersion.MaxPdfBytes}");
        });
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(v => v.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanOfCare>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.EpisodeId, v.Number }).IsUnique();
        builder.HasIndex(v => v.PatientId);
        builder.HasIndex(v => v.PlanId);
        builder.Property(v => v.Snapshot).HasColumnType("jsonb");
        builder.Property(v => v.PdfSha256).HasMaxLength(64).IsFixedLength();
        builder.ComplexProperty(v => v.IssuedBy, StaffRefColumns.Configure);
    }
}
