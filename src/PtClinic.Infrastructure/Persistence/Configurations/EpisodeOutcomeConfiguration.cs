using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class EpisodeOutcomeConfiguration : IEntityTypeConfiguration<EpisodeOutcome>
{
    public void Configure(EntityTypeBuilder<EpisodeOutcome> builder)
    {
        builder.ToTable("episode_outcomes", t => t.HasComment(
            "One row per episode: the facts the outcomes dashboard counts, derived from the signed records in the transaction that changes them; rebuilt from them at any time."));
        builder.HasKey(o => o.EpisodeId);
        builder.Property(o => o.EpisodeId).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithOne().HasForeignKey<EpisodeOutcome>(o => o.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Region).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.DischargeReason).HasConversion<string>().HasMaxLength(32);
        foreach (var score in new[]
                 {
                     nameof(EpisodeOutcome.NprsBaseline), nameof(EpisodeOutcome.NprsFinal), nameof(EpisodeOutcome.LefsBaseline), nameof(EpisodeOutcome.LefsFinal),
                     nameof(EpisodeOutcome.PsfsBaseline), nameof(EpisodeOutcome.PsfsFinal), nameof(EpisodeOutcome.OdiBaseline), nameof(EpisodeOutcome.OdiFinal),
                 })
        {
            // To four places: a PSFS mean such as 13/3 kept exact would overflow a decimal once summed over thousands of episodes.
            builder.Property(score).HasColumnType("numeric(9,4)");
        }

        builder.PrimitiveCollection(o => o.Causes);
        builder.PrimitiveCollection(o => o.Interventions);

        // The dashboard reads one clinic's episodes that overlap a date range: by opening, with the
        // columns every figure needs, so the planner reads the index and not the rows.
        builder.HasIndex(o => new { o.ClinicId, o.OpenedOn });
        builder.HasIndex(o => new { o.ClinicId, o.TherapistId, o.OpenedOn });
        // The running episodes (discharged_on IS NULL) and the discharges of a range: what the
        // dashboard reads live beside its month totals, and the spread behind its medians.
        builder.HasIndex(o => new { o.ClinicId, o.DischargedOn });
    }
}
