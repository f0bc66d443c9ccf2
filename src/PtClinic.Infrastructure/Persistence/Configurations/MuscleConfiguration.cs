using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Anatomy;

namespace PtClinic.Infrastructure.Persistence.Configurations;

/// <summary>Reference data shared by every clinic, so no clinic column and no clinic filter.</summary>
internal sealed class MuscleConfiguration : IEntityTypeConfiguration<Muscle>
{
    public void Configure(EntityTypeBuilder<Muscle> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(Muscle.CodeMaxLength);
        builder.Property(m => m.Name).HasMaxLength(Muscle.NameMaxLength);
        builder.Property(m => m.Group).HasMaxLength(Muscle.NameMaxLength);
        builder.Property(m => m.Region).HasConversion<string>().HasMaxLength(32);
        builder.HasData(MuscleCatalog.All.Select(m => new { m.Code, m.Name, m.Group, m.Region, m.SortOrder }));
    }
}
