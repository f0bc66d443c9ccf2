using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>A catalog entry as the current clinic sees it.</summary>
/// <param name="IsSeeded">One of the seeded entries (possibly as the clinic edited it), not the clinic's own exercise.</param>
/// <param name="IsEdited">The clinic changed the seeded entry.</param>
public sealed record CatalogEntry(InterventionDefinition Definition, bool IsSeeded, bool IsEdited, bool IsRetired);

/// <summary>
/// The one way to read the clinic's intervention catalog: the seeded entries, each replaced by the
/// clinic's edit of it when there is one, then the clinic's own exercises. Both tables are small
/// (dozens of rows), so they are read whole and merged here.
/// </summary>
internal static class InterventionCatalogReading
{
    public static async Task<IReadOnlyList<CatalogEntry>> CatalogAsync(this IAppDbContext db, bool includeRetired, CancellationToken cancellationToken)
    {
        var seeded = await db.CatalogInterventions.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var own = await db.ClinicInterventions.AsNoTracking().ToDictionaryAsync(i => i.Code, cancellationToken);
        var entries = seeded
            .Select(s => own.TryGetValue(s.Code, out var edit)
                ? new CatalogEntry(edit.Definition, IsSeeded: true, IsEdited: !SameAs(edit, s), edit.IsRetired)
                : new CatalogEntry(s.Definition, IsSeeded: true, IsEdited: false, IsRetired: false))
            .Concat(own.Values.Where(o => !o.ReplacesSeeded).OrderBy(o => o.Name)
                .Select(o => new CatalogEntry(o.Definition, IsSeeded: false, IsEdited: false, o.IsRetired)));
        return [.. entries.Where(e => includeRetired || !e.IsRetired)];
    }

    /// <summary>The entry with this code as the clinic sees it, retired or not; null when there is none.</summary>
    public static async Task<CatalogEntry?> InterventionAsync(this IAppDbContext db, string code, CancellationToken cancellationToken)
    {
        var own = await db.ClinicInterventions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        var seeded = await db.CatalogInterventions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        return (own, seeded) switch
        {
            ({ } edit, { } s) => new CatalogEntry(edit.Definition, IsSeeded: true, IsEdited: !SameAs(edit, s), edit.IsRetired),
            ({ } mine, null) => new CatalogEntry(mine.Definition, IsSeeded: false, IsEdited: false, mine.IsRetired),
            (null, { } s) => new CatalogEntry(s.Definition, IsSeeded: true, IsEdited: false, IsRetired: false),
            _ => null,
        };
    }

    /// <summary>A retired seeded entry is stored as an unchanged copy: retired, but not edited.</summary>
    private static bool SameAs(ClinicIntervention edit, CatalogIntervention seeded) =>
        edit.Name == seeded.Name && edit.Category == seeded.Category && edit.Performer == seeded.Performer
        && edit.DefaultDose == seeded.DefaultDose && edit.PatientWording == seeded.PatientWording
        && edit.Precautions == seeded.Precautions && edit.Contraindications.OrderBy(c => c.Code).SequenceEqual(seeded.Contraindications.OrderBy(c => c.Code))
        && edit.Billing == seeded.Billing && edit.CptCode == seeded.CptCode;
}
