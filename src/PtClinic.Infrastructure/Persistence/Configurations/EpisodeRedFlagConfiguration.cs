using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class EpisodeRedFlagConfiguration : IEntityTypeConfiguration<EpisodeRedFlag>
{
    public void Configure(EntityTypeBuilder<EpisodeRedFlag> builder)
    {
        builder.ToTable(t =>
        {
            t.HasComment("Red flags open on an episode until the therapist closes them; never deleted, closed rows never change.");
            t.HasCheckConstraint(
                "ck_episode_red_flags_closing",
                "(closed_at IS NULL AND closed_as IS NULL AND closed_by_user_id IS NULL AND referred_to IS NULL AND referred_on IS NULL) " +
                "OR (closed_at IS NOT NULL AND closed_as = 'Resolved' AND closed_by_user_id IS NOT NULL AND closing_note IS NOT NULL AND referred_to IS NULL) " +
                "OR (closed_at IS NOT NULL AND closed_as = 'Referred' AND closed_by_user_id IS NOT NULL AND referred_to IS NOT NULL AND referred_on IS NOT NULL)");
        });
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(f => f.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(f => f.RaisedAtVisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralAcknowledgement>().WithMany().HasForeignKey(f => f.ReferralAcknowledgementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Flag).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.ClosedAs).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.ClosingNote).HasMaxLength(EpisodeRedFlag.NoteMaxLength);
        builder.Property(f => f.ReferredTo).HasMaxLength(EpisodeRedFlag.ReferredToMaxLength);
        builder.ComplexProperty(f => f.RaisedBy, StaffRefColumns.Configure);
        builder.ComplexProperty(f => f.ClosedBy, StaffRefColumns.Configure);
        builder.Property(f => f.Version).IsRowVersion();
        builder.Ignore(f => f.IsOpen);

        // Once per flag per episode while open: a second signature ticking it finds this one.
        builder.HasIndex(f => new { f.EpisodeId, f.Flag }).IsUnique().HasFilter("closed_at IS NULL");
        builder.HasIndex(f => f.EpisodeId);
        builder.HasIndex(f => f.RaisedAtVisitId);
        builder.HasIndex(f => f.ReferralAcknowledgementId);
    }
}
