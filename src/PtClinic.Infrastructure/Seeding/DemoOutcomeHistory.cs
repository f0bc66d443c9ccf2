using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Domain.Patients;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding.Synthetic;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// Six months of the demo clinic's episodes for the outcomes dashboard, from the synthetic-data
/// generator (one seed, so every demo database gets the same history for the same today): about 200
/// episodes across Maya Lindqvist, Jonas Berg and Leila Haddad, who joined two months ago, so a
/// month's range shows her too few to compare and six months do not. Their results differ as
/// colleagues' do: Maya's patients improve a little more, miss fewer visits and are discharged
/// sooner, mostly with a discharge score; Jonas's miss more, drop out more and are discharged without
/// a score more often; his needling stops when his certificate ran out, Leila holds none. Every
/// visit is before today, which the demo seeder books itself.
/// </summary>
internal static class DemoOutcomeHistory
{
    public const int Seed = 20260602;
    public const int Episodes = 200;
    public const int Months = 6;

    public static SeedOptions Options(DateOnly today, IEnumerable<(string Given, string Family)> reservedNames) => new()
    {
        Episodes = Episodes,
        Seed = Seed,
        Months = Months,
        Today = today,
        BatchEpisodes = Episodes,
        DemoHistory = new DemoHistory(
        [
            new(DemoClinic.Therapist.Email, DryNeedles: true, Effect: 0.12, Weight: 1.0,
                new Tendencies { NoShows = 0.75, Visits = 0.9, StoppedAttending = 0.75, DischargeScoredPercent = 93 }),
            new(DemoClinic.SecondTherapist.Email, DryNeedles: true, Effect: -0.15, Weight: 1.0,
                new Tendencies { NoShows = 1.4, Visits = 1.15, StoppedAttending = 1.35, DischargeScoredPercent = 72 }),
            new(DemoClinic.ThirdTherapist.Email, DryNeedles: false, Effect: 0.0, Weight: 0.6,
                new Tendencies { NoShows = 1.0, Visits = 1.05, StoppedAttending = 1.0, DischargeScoredPercent = 85 }),
        ],
        [.. reservedNames]),
    };

    /// <summary>
    /// Writes the history unless it is there: the third therapist's episodes are all the history's (she
    /// joined after the hand-written ones were charted), so any of hers means it was seeded before.
    /// <paramref name="db"/> is the owner's (the generator writes by COPY as the owner, as ./ptclinic.sh seed does).
    /// </summary>
    public static async Task SeedAsync(
        AppDbContext db, DateOnly today,
        IEnumerable<(string Mrn, string Given, string Family, DateOnly Born, Sex Sex, string Phone)> handWritten, CancellationToken ct)
    {
        var third = await db.StaffMembers.IgnoreQueryFilters()
            .Where(s => s.ClinicId == DemoClinic.Id && s.Email == DemoClinic.ThirdTherapist.Email).Select(s => s.Id).SingleAsync(ct);
        if (await db.Episodes.IgnoreQueryFilters().AnyAsync(e => e.ClinicId == DemoClinic.Id && e.TherapistId == third, ct))
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await SyntheticSeeder.RunAsync(connection, db.Model, Options(today, handWritten.Select(p => (p.Given, p.Family))), log: null, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
