using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Note).HasMaxLength(Consent.NoteMaxLength);
        builder.ComplexProperty(c => c.RecordedBy, StaffRefColumns.Configure);
        builder.Ignore(c => c.IsActive);
        builder.HasIndex(c => new { c.ClinicId, c.PatientId });
    }
}

internal static class StaffRefColumns
{
    public static void Configure<T>(ComplexPropertyBuilder<T> staff)
        where T : class
    {
        staff.Property(nameof(StaffRef.Name)).HasMaxLength(StaffRef.NameMaxLength);
    }
}
