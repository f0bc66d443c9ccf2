using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Treatment;

namespace PtClinic.Infrastructure.Persistence.Configurations;

/// <summary>The seeded catalog: reference data shared by every clinic, read-only to the app.</summary>
internal sealed class CatalogInterventionConfiguration : IEntityTypeConfiguration<CatalogIntervention>
{
    public void Configure(EntityTypeBuilder<CatalogIntervention> builder)
    {
        builder.ToTable("catalog_interventions", t => t.HasComment("The seeded intervention catalog (InterventionCatalog.All); clinics edit it through clinic_interventions."));
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(InterventionDefinition.CodeMaxLength);
        builder.Property(i => i.Name).HasMaxLength(InterventionDefinition.NameMaxLength);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Performer).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.DefaultDose).HasColumnType("jsonb").HasConversion(InterventionJson.DoseConverter, InterventionJson.DoseComparer);
        builder.Property(i => i.PatientWording).HasMaxLength(InterventionDefinition.PatientWordingMaxLength);
        builder.Property(i => i.Precautions).HasMaxLength(InterventionDefinition.PrecautionsMaxLength);
        builder.Property(i => i.Contraindications).HasColumnType("jsonb")
            .HasConversion(InterventionJson.ContraindicationsConverter, InterventionJson.ContraindicationsComparer);
        builder.Property(i => i.Billing).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CptCode).HasMaxLength(InterventionDefinition.CptCodeMaxLength);
        builder.Ignore(i => i.Definition);
        builder.HasData(CatalogIntervention.Seed());
    }
}

internal sealed class ClinicInterventionConfiguration : IEntityTypeConfiguration<ClinicIntervention>
{
    public void Configure(EntityTypeBuilder<ClinicIntervention> builder)
    {
        builder.ToTable("clinic_interventions", t => t.HasComment("A clinic's own exercises and its edits of seeded entries; retired, never deleted."));
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(InterventionDefinition.CodeMaxLength);
        builder.HasIndex(i => new { i.ClinicId, i.Code }).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(InterventionDefinition.NameMaxLength);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Performer).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.DefaultDose).HasColumnType("jsonb").HasConversion(InterventionJson.DoseConverter, InterventionJson.DoseComparer);
        builder.Property(i => i.PatientWording).HasMaxLength(InterventionDefinition.PatientWordingMaxLength);
        builder.Property(i => i.Precautions).HasMaxLength(InterventionDefinition.PrecautionsMaxLength);
        builder.Property(i => i.Contraindications).HasColumnType("jsonb")
            .HasConversion(InterventionJson.ContraindicationsConverter, InterventionJson.ContraindicationsComparer);
        builder.Property(i => i.Billing).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CptCode).HasMaxLength(InterventionDefinition.CptCodeMaxLength);
        builder.ComplexProperty(i => i.ChangedBy, StaffRefColumns.Configure);
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.Definition);
        builder.Ignore(i => i.IsRetired);
    }
}
