using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class VisitTreatmentConfiguration : IEntityTypeConfiguration<VisitTreatment>
{
    public void Configure(EntityTypeBuilder<VisitTreatment> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Visit>().WithOne().HasForeignKey<VisitTreatment>(t => t.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VisitId).IsUnique();
        builder.HasOne<EpisodeOfCare>().WithMany().HasForeignKey(t => t.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.EpisodeId);
        builder.ComplexProperty(t => t.LastEditedBy, StaffRefColumns.Configure);
        builder.Property(t => t.Version).IsRowVersion();
        builder.Ignore(t => t.IsFrozen);

        builder.HasMany(t => t.Interventions).WithOne().HasForeignKey(i => i.TreatmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Interventions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(t => t.DryNeedling).WithOne().HasForeignKey<DryNeedlingProcedure>(p => p.TreatmentId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasComment("What a visit performed; a trigger refuses changes once frozen with its signed note."));
    }
}

internal sealed class PerformedInterventionConfiguration : IEntityTypeConfiguration<PerformedIntervention>
{
    public void Configure(EntityTypeBuilder<PerformedIntervention> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.InterventionCode).HasMaxLength(InterventionDefinition.CodeMaxLength);
        builder.Property(i => i.Name).HasMaxLength(InterventionDefinition.NameMaxLength);
        builder.Property(i => i.Billing).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CptCode).HasMaxLength(InterventionDefinition.CptCodeMaxLength);
        builder.Property(i => i.Notes).HasMaxLength(PerformedIntervention.NotesMaxLength);
        builder.Property(i => i.Justification).HasMaxLength(SafetyVerdict.JustificationMaxLength);
        builder.HasIndex(i => i.TreatmentId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_performed_interventions_minutes",
                $"minutes BETWEEN {PerformedIntervention.MinMinutes} AND {PerformedIntervention.MaxMinutes}");
            t.HasComment("Interventions given at a visit with their minutes; frozen with the visit's treatment.");
        });
    }
}

internal sealed class DryNeedlingProcedureConfiguration : IEntityTypeConfiguration<DryNeedlingProcedure>
{
    public void Configure(EntityTypeBuilder<DryNeedlingProcedure> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.TreatmentId).IsUnique();
        builder.Property(p => p.Sites).HasColumnType("jsonb").HasConversion(TreatmentJson.SitesConverter, TreatmentJson.SitesComparer);
        builder.Property(p => p.AdverseEvents).HasColumnType("jsonb").HasConversion(TreatmentJson.EventsConverter, TreatmentJson.EventsComparer);
        builder.Property(p => p.NeedleGaugeMm).HasPrecision(3, 2);
        builder.Property(p => p.LotNumber).HasMaxLength(DryNeedlingDetails.LotNumberMaxLength);
        builder.Property(p => p.Technique).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.ImmediateResponse).HasMaxLength(DryNeedlingDetails.ImmediateResponseMaxLength);
        builder.Property(p => p.Justification).HasMaxLength(SafetyVerdict.JustificationMaxLength);
        builder.ComplexProperty(p => p.PerformedBy, StaffRefColumns.Configure);
        builder.Ignore(p => p.MusclesNeedled);
        builder.Ignore(p => p.CptCode);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_dry_needling_procedures_needle_count", $"needle_count BETWEEN 1 AND {DryNeedlingDetails.MaxNeedles}");
            t.HasComment("Dry-needling sessions (FHIR Procedure) with their sites and adverse events; frozen with the visit's treatment.");
        });
    }
}

/// <summary>
/// A procedure's sites and adverse events, stored as jsonb documents of the procedure's row: they
/// are read and frozen with it, never queried on their own. Enums by name, so a renumbering never
/// changes what an old record says.
/// </summary>
internal static class TreatmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<IReadOnlyList<DryNeedlingSite>, string> SitesConverter { get; } = new(
        sites => JsonSerializer.Serialize(sites, Options),
        json => JsonSerializer.Deserialize<List<DryNeedlingSite>>(json, Options) ?? new List<DryNeedlingSite>());

    public static ValueComparer<IReadOnlyList<DryNeedlingSite>> SitesComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        sites => sites.Count,
        sites => sites.ToList());

    public static ValueConverter<IReadOnlyList<AdverseEvent>, string> EventsConverter { get; } = new(
        events => JsonSerializer.Serialize(events, Options),
        json => JsonSerializer.Deserialize<List<AdverseEvent>>(json, Options) ?? new List<AdverseEvent>());

    public static ValueComparer<IReadOnlyList<AdverseEvent>> EventsComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        events => events.Count,
        events => events.ToList());
}
