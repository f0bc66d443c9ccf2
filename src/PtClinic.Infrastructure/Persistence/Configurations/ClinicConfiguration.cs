using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Clinics;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Clinic.NameMaxLength);
        builder.Property(c => c.TimeZone).HasMaxLength(Clinic.TimeZoneMaxLength);
        builder.Property(c => c.Address).HasMaxLength(Clinic.AddressMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Clinic.PhoneMaxLength);
        builder.Property(c => c.PaperSize).HasConversion<string>().HasMaxLength(16).HasDefaultValue(PaperSize.A4);
        builder.Property(c => c.OpeningHours).HasColumnType("jsonb")
            .HasConversion(OpeningHoursJson.Converter, OpeningHoursJson.Comparer)
            .HasDefaultValueSql("'[]'::jsonb");
        builder.Property(c => c.IdleTimeout).HasDefaultValue(Clinic.DefaultIdleTimeout);
        // Clinics that existed before the rule keep signing in as they did; an admin chooses.
        builder.Property(c => c.TwoFactorRequirement).HasConversion<string>().HasMaxLength(24)
            .HasDefaultValue(TwoFactorRequirement.NoOne);
        builder.Property(c => c.Version).IsRowVersion();
    }
}

internal sealed class ClinicLogoConfiguration : IEntityTypeConfiguration<ClinicLogo>
{
    public void Configure(EntityTypeBuilder<ClinicLogo> builder)
    {
        builder.HasKey(l => l.ClinicId);
        builder.HasOne<Clinic>().WithOne().HasForeignKey<ClinicLogo>(l => l.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ContentType).HasMaxLength(32);
        builder.ComplexProperty(l => l.UploadedBy, StaffRefColumns.Configure);
        builder.ToTable(t =>
        {
            t.HasComment("One logo per clinic: PNG, JPEG or a script-free SVG, checked by content.");
            t.HasCheckConstraint("ck_clinic_logos_content_size", $"octet_length(content) BETWEEN 1 AND {LogoContent.MaxBytes}");
        });
    }
}
