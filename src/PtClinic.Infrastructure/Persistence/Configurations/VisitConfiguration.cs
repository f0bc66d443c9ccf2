using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(v => v.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.CancellationReason).HasMaxLength(Visit.CancellationReasonMaxLength);
        builder.Property(v => v.Version).IsRowVersion();
        // The Today page: one therapist's visits in a day.
        builder.HasIndex(v => new { v.ClinicId, v.TherapistId, v.StartsAt });
        builder.HasIndex(v => new { v.ClinicId, v.CoveringTherapistId, v.StartsAt });
        builder.HasIndex(v => new { v.EpisodeId, v.StartsAt });
        // The notes left unsigned: checked-in visits are the few whose note is not signed yet (the
        // dashboard's backlog figure, the unsigned-notes card), not a scan of every visit.
        builder.HasIndex(v => new { v.ClinicId, v.StartsAt }).HasFilter("status = 'CheckedIn'").HasDatabaseName("ix_visits_checked_in");
    }
}
