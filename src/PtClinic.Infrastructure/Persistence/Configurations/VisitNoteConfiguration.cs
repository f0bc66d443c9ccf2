using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class VisitNoteConfiguration : IEntityTypeConfiguration<VisitNote>
{
    public void Configure(EntityTypeBuilder<VisitNote> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Visit>().WithOne().HasForeignKey<VisitNote>(n => n.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.VisitId).IsUnique();
        foreach (var section in new[] { nameof(VisitNote.Subjective), nameof(VisitNote.Objective), nameof(VisitNote.Assessment), nameof(VisitNote.Plan) })
        {
            builder.Property(section).HasMaxLength(VisitNote.SectionMaxLength);
        }

        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.ComplexProperty(n => n.LastEditedBy, StaffRefColumns.Configure);
        builder.ComplexProperty(n => n.SignedBy, StaffRefColumns.Configure);
        builder.Property(n => n.Version).IsRowVersion();
        builder.Ignore(n => n.IsSigned);
        builder.Ignore(n => n.IsEmpty);

        builder.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(n => n.Addenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Autosave rewrites a draft every few seconds. No index covers a column a save changes, and
        // a page keeps room for the new row version, so PostgreSQL can update in place (HOT)
        // instead of writing new entries into every index.
        builder.ToTable(t => t.HasComment("SOAP notes; a trigger refuses changes once signed."));
        builder.HasStorageParameter("fillfactor", 80);
    }
}

internal sealed class NoteAddendumConfiguration : IEntityTypeConfiguration<NoteAddendum>
{
    public void Configure(EntityTypeBuilder<NoteAddendum> builder)
    {
        builder.ToTable("note_addenda");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(NoteAddendum.TextMaxLength);
        builder.ComplexProperty(a => a.Author, StaffRefColumns.Configure);
        builder.HasIndex(a => new { a.NoteId, a.SignedAt });
    }
}
