using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Patients;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Mrn).HasMaxLength(Patient.MrnMaxLength);
        builder.HasIndex(p => new { p.ClinicId, p.Mrn }).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(Patient.NameMaxLength);
        builder.Property(p => p.FamilyName).HasMaxLength(Patient.NameMaxLength);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Phone).HasMaxLength(Patient.PhoneMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Patient.EmailMaxLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.FullName);
    }
}
