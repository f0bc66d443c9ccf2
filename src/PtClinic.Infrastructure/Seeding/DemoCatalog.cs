using Microsoft.EntityFrameworkCore;
using PtClinic.Domain.Common;
using PtClinic.Domain.Treatment;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// The demo clinic's own corner of the intervention catalog: an exercise it added (the Nordic
/// hamstring curl, the eccentric exercise that best prevents hamstring strains coming back), so the
/// catalog page shows a clinic entry beside the seeded ones.
/// </summary>
internal static class DemoCatalog
{
    public static async Task SeedAsync(AppDbContext db, StaffRef admin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.ClinicInterventions.IgnoreQueryFilters().AnyAsync(i => i.ClinicId == DemoClinic.Id, cancellationToken))
        {
            return;
        }

        var taken = await db.CatalogInterventions.Select(i => i.Code).ToHashSetAsync(cancellationToken);
        db.ClinicInterventions.Add(ClinicIntervention.Add(DemoClinic.Id, new InterventionDefinition(
            string.Empty, "Nordic hamstring curl", InterventionCategory.Strengthening, Performer.Both,
            new Dose { Sets = 2, Reps = 5, DaysPerWeek = 2 },
            """
            Kneel on a cushion with your heels held down by a partner or under a heavy sofa.
            Keep your body straight from knees to shoulders and lower yourself forward as slowly as you can.
            Catch yourself with your hands, push back up, and rest before the next one.
            """,
            "Only once the hamstring is pain-free on a fast walk. Expect sore hamstrings for two days after the first sessions.",
            [], BillingKind.Timed, "97110"), taken, admin, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
