using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Domain.Clinics;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class EpisodeOutcomeMonthConfiguration : IEntityTypeConfiguration<EpisodeOutcomeMonth>
{
    public void Configure(EntityTypeBuilder<EpisodeOutcomeMonth> builder)
    {
        builder.ToTable("episode_outcome_months", t => t.HasComment(
            "The discharged episodes' dashboard figures added up by clinic, therapist, body region, month opened and month discharged; written with the outcome rows, rebuilt from them at any time."));
        // The key leads with what the dashboard asks for: one clinic's months, then a therapist's.
        builder.HasKey(m => new { m.ClinicId, m.TherapistId, m.Region, m.OpenedMonth, m.DischargedMonth });
        builder.HasOne<Clinic>().WithMany().HasForeignKey(m => m.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Region).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(m => m.Bucket);
        // One column per figure; the sums of scores (four places each) as plain numeric: exact, however many episodes.
        builder.ComplexProperty(m => m.Totals);
        builder.HasIndex(m => new { m.ClinicId, m.DischargedMonth });
    }
}
