using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Patients;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class HandoutPrintRunConfiguration : IEntityTypeConfiguration<HandoutPrintRun>
{
    public void Configure(EntityTypeBuilder<HandoutPrintRun> builder)
    {
        builder.ToTable("handout_print_runs", t =>
        {
            t.HasComment("A therapist's print of the day's handouts, run by a background job: its progress and, when done, one PDF of them all.");
            t.HasCheckConstraint("ck_handout_print_runs_counts", $"total BETWEEN 1 AND {HandoutPrintRun.MaxItems} AND done_count BETWEEN 0 AND total");
            t.HasCheckConstraint("ck_handout_print_runs_pdf", $"pdf IS NULL OR octet_length(pdf) BETWEEN 1 AND {HandoutPrintRun.MaxPdfBytes}");
            t.HasCheckConstraint("ck_handout_print_runs_done",
                "(status = 'Done') = (pdf IS NOT NULL) AND (status = 'Failed') = (failure IS NOT NULL) AND (status IN ('Done', 'Failed')) = (finished_at IS NOT NULL)");
        });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Failure).HasMaxLength(HandoutPrintRun.FailureMaxLength);
        builder.ComplexProperty(r => r.RequestedBy, StaffRefColumns.Configure);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsFinished);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.ClinicId, r.Day });
    }
}

internal sealed class HandoutPrintRunItemConfiguration : IEntityTypeConfiguration<HandoutPrintRunItem>
{
    public void Configure(EntityTypeBuilder<HandoutPrintRunItem> builder)
    {
        builder.ToTable("handout_print_run_items", t =>
        {
            t.HasComment("The episodes of a print run in order, each with the handout version it printed once it has.");
            t.HasCheckConstraint("ck_handout_print_run_items_position", "position >= 1");
            t.HasCheckConstraint("ck_handout_print_run_items_printed", "(version_id IS NULL) = (printed_at IS NULL)");
        });
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(i => i.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HandoutVersion>().WithMany().HasForeignKey(i => i.VersionId).OnDelete(DeleteBehavior.Restrict);
        // Each episode once per run, and one item per place: a restarted job finds the same list.
        builder.HasIndex(i => new { i.RunId, i.EpisodeId }).IsUnique();
        builder.HasIndex(i => new { i.RunId, i.Position }).IsUnique();
        builder.HasIndex(i => i.EpisodeId);
        builder.HasIndex(i => i.PatientId);
        builder.HasIndex(i => i.VersionId);
    }
}
