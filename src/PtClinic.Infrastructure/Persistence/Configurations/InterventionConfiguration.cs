using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
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
/// A clinic's own handout picture for a home-program item. The code is not a foreign key: it names
/// a seeded entry or one of the clinic's own, and the commands check it is a home-program item.
/// </summary>
internal sealed class ClinicIllustrationConfiguration : IEntityTypeConfiguration<ClinicIllustration>
{
    public void Configure(EntityTypeBuilder<ClinicIllustration> builder)
    {
        builder.ToTable("clinic_illustrations", t =>
        {
            t.HasComment("A clinic's own picture for a home-program item, printed on handouts instead of PtClinic's drawing: PNG, JPEG or a script-free SVG, checked by content.");
            t.HasCheckConstraint("ck_clinic_illustrations_content_size", $"octet_length(content) BETWEEN 1 AND {ImageContent.MaxBytes}");
        });
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(i => i.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.InterventionCode).HasMaxLength(InterventionDefinition.CodeMaxLength);
        builder.HasIndex(i => new { i.ClinicId, i.InterventionCode }).IsUnique();
        builder.Property(i => i.ContentType).HasMaxLength(32);
        builder.Property(i => i.Hash).HasMaxLength(64);
        builder.ComplexProperty(i => i.UploadedBy, StaffRefColumns.Configure);
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
