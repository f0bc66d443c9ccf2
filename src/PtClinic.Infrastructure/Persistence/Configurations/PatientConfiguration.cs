using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Patients;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    /// <summary>Lower-cased "given family", kept by PostgreSQL; the trigram index for search is on it.</summary>
    public const string SearchText = "search_text";

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
        builder.Property(p => p.Occupation).HasMaxLength(Patient.OccupationMaxLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.FullName);

        builder.ComplexProperty(p => p.MedicalHistory);

        builder.HasMany(p => p.Consents).WithOne().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Consents).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Typo-tolerant search: word_similarity (<%) over a trigram GIN index that also holds the
        // clinic (btree_gin), so one index scan answers "this clinic, names like this".
        builder.Property<string>(SearchText)
            .HasComputedColumnSql("lower(given_name || ' ' || family_name)", stored: true);
        builder.HasIndex(nameof(Patient.ClinicId), SearchText)
            .HasMethod("gin")
            .HasOperators("uuid_ops", "gin_trgm_ops")
            .HasDatabaseName("ix_patients_clinic_id_search_text_trgm");
        builder.HasIndex(p => new { p.ClinicId, p.DateOfBirth });
        builder.HasIndex(p => new { p.ClinicId, p.FamilyName, p.GivenName, p.Id });
    }
}
