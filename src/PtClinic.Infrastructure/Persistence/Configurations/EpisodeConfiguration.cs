using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<EpisodeOfCare>
{
    public void Configure(EntityTypeBuilder<EpisodeOfCare> builder)
    {
        builder.ToTable("episodes");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ChiefComplaint).HasMaxLength(EpisodeOfCare.ChiefComplaintMaxLength);
        builder.Property(e => e.ReferralSource).HasMaxLength(EpisodeOfCare.ReferralSourceMaxLength);
        builder.Property(e => e.Region).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.DischargeReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.DischargeNote).HasMaxLength(EpisodeOfCare.DischargeNoteMaxLength);
        builder.Property(e => e.HoldReason).HasMaxLength(EpisodeOfCare.HoldReasonMaxLength);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.IsDischarged);
        builder.HasIndex(e => new { e.ClinicId, e.PatientId });
        builder.HasIndex(e => new { e.ClinicId, e.TherapistId, e.Status });
    }
}
