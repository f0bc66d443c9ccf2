using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// Creates the roles, the demo clinic, one user per role and a few patients. Every step checks what
/// is already there first, so running it on every start changes nothing the second time. The
/// clinic's records are written as the demo therapist (who signs the past notes), through the same
/// clinic filter and the same signing path as the app.
/// </summary>
public sealed partial class DemoClinicSeeder(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IClinicOperationRunner runner,
    TimeProvider clock,
    ILogger<DemoClinicSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedRolesAsync();

        if (!await db.Clinics.IgnoreQueryFilters().AnyAsync(c => c.Id == DemoClinic.Id, cancellationToken))
        {
            db.Clinics.Add(Clinic.Open(DemoClinic.Id, DemoClinic.Name, DemoClinic.TimeZone, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var demoUser in DemoClinic.Users)
        {
            await SeedUserAsync(demoUser);
        }

        var therapist = await StaffRefAsync(DemoClinic.Therapist);
        var frontDesk = await StaffRefAsync(DemoClinic.FrontDesk);
        await runner.RunAsync(ClinicActor.StaffOf(DemoClinic.Id, therapist.UserId), async (services, ct) =>
        {
            var clinicDb = services.GetRequiredService<AppDbContext>();
            await SeedPatientsAsync(clinicDb, ct);
            var charts = new DemoCharts(clinicDb, clock);
            await charts.SeedHistoryAsync(therapist, frontDesk, ct);
            await charts.SeedTodayAsync(therapist, ct);
        }, cancellationToken);
        LogSeeded(logger, DemoClinic.Name);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }
    }

    private async Task SeedUserAsync(DemoUser demoUser)
    {
        if (await users.FindByEmailAsync(demoUser.Email) is not null)
        {
            return;
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = demoUser.Email,
            Email = demoUser.Email,
            EmailConfirmed = true,
            FullName = demoUser.FullName,
            ClinicId = DemoClinic.Id,
        };
        Check(await users.CreateAsync(user, DemoClinic.Password), demoUser.Email);
        Check(await users.AddToRoleAsync(user, demoUser.Role), demoUser.Email);
    }

    private async Task SeedPatientsAsync(AppDbContext clinicDb, CancellationToken cancellationToken)
    {
        if (await clinicDb.Patients.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        (string Mrn, string Given, string Family, DateOnly Born, Sex Sex, string Phone)[] patients =
        [
            ("P000101", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, "+44 20 7946 0101"),
            ("P000102", "Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male, "+44 20 7946 0102"),
            ("P000103", "Greta", "Lindholm", new DateOnly(1971, 6, 28), Sex.Female, "+44 20 7946 0103"),
            ("P000104", "Rafael", "Moreno", new DateOnly(2001, 1, 9), Sex.Male, "+44 20 7946 0104"),
            ("P000105", "Aisha", "Rahman", new DateOnly(1983, 9, 21), Sex.Female, "+44 20 7946 0105"),
        ];
        foreach (var p in patients)
        {
            var patient = Patient.Register(DemoClinic.Id, p.Mrn, p.Given, p.Family, p.Born, p.Sex, now.AddDays(-120));
            patient.UpdateContact(p.Phone, null);
            clinicDb.Patients.Add(patient);
        }

        await clinicDb.SaveChangesAsync(cancellationToken);
    }

    private async Task<StaffRef> StaffRefAsync(DemoUser demoUser)
    {
        var user = await users.FindByEmailAsync(demoUser.Email)
            ?? throw new InvalidOperationException($"Demo user {demoUser.Email} is missing.");
        return new StaffRef(user.Id, user.FullName);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clinic {ClinicName} is seeded")]
    private static partial void LogSeeded(ILogger logger, string clinicName);
}
