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
        InterventionColumns.Configure(builder);
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
        InterventionColumns.Configure(builder);
        builder.HasIndex(i => new { i.ClinicId, i.Code }).IsUnique();
        builder.ComplexProperty(i => i.ChangedBy, StaffRefColumns.Configure);
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.Definition);
        builder.Ignore(i => i.IsRetired);
    }
}

/// <summary>
/// The columns a catalog entry has, seeded or the clinic's own: the two tables share one shape, so
/// what an entry holds is stored the same way in both (by property name: the classes differ).
/// </summary>
internal static class InterventionColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<string>(nameof(InterventionDefinition.Code)).HasMaxLength(InterventionDefinition.CodeMaxLength);
        builder.Property<string>(nameof(InterventionDefinition.Name)).HasMaxLength(InterventionDefinition.NameMaxLength);
        builder.Property<InterventionCategory>(nameof(InterventionDefinition.Category)).HasConversion<string>().HasMaxLength(32);
        builder.Property<Performer>(nameof(InterventionDefinition.Performer)).HasConversion<string>().HasMaxLength(16);
        builder.Property<Dose>(nameof(InterventionDefinition.DefaultDose)).HasColumnType("jsonb")
            .HasConversion(InterventionJson.DoseConverter, InterventionJson.DoseComparer);
        builder.Property<string>(nameof(InterventionDefinition.PatientWording)).HasMaxLength(InterventionDefinition.PatientWordingMaxLength);
        builder.Property<string>(nameof(InterventionDefinition.Precautions)).HasMaxLength(InterventionDefinition.PrecautionsMaxLength);
        builder.Property<IReadOnlyList<InterventionContraindication>>(nameof(InterventionDefinition.Contraindications)).HasColumnType("jsonb")
            .HasConversion(InterventionJson.ContraindicationsConverter, InterventionJson.ContraindicationsComparer);
        builder.Property<BillingKind>(nameof(InterventionDefinition.Billing)).HasConversion<string>().HasMaxLength(16);
        builder.Property<string?>(nameof(InterventionDefinition.CptCode)).HasMaxLength(InterventionDefinition.CptCodeMaxLength);
    }
}
