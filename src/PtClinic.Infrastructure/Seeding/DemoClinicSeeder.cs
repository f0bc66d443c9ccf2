using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// Creates the roles, the demo clinic, one user per role and a few patients. Every step checks what
/// is already there first, so running it on every start changes nothing the second time.
/// </summary>
public sealed partial class DemoClinicSeeder(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
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

        await SeedPatientsAsync(cancellationToken);

        var therapist = await StaffRefAsync(DemoClinic.Therapist);
        var frontDesk = await StaffRefAsync(DemoClinic.FrontDesk);
        var charts = new DemoCharts(db, clock);
        await charts.SeedHistoryAsync(therapist, frontDesk, cancellationToken);
        await charts.SeedTodayAsync(therapist, cancellationToken);
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

    private async Task SeedPatientsAsync(CancellationToken cancellationToken)
    {
        if (await db.Patients.IgnoreQueryFilters().AnyAsync(p => p.ClinicId == DemoClinic.Id, cancellationToken))
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
            var registered = now.AddDays(-120);
            var patient = Patient.Register(DemoClinic.Id, p.Mrn, p.Given, p.Family, p.Born, p.Sex, registered, ClinicCalendar.For(DemoClinic.TimeZone).DateOf(registered));
            patient.UpdateContact(p.Phone, null);
            db.Patients.Add(patient);
        }

        await db.SaveChangesAsync(cancellationToken);
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
