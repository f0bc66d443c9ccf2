using System.Text;
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
/// Creates the roles, the demo clinic with its settings and logo, its staff (a sign-in and a staff
/// member each, three therapists so cover can be tried and outcomes compared, with their credentials), a
/// few hand-written patients and six months of synthetic episodes (<see cref="DemoOutcomeHistory"/>).
/// Every step checks what is already there first, so running it on every start changes nothing
/// the second time. The clinic's records are written as the demo therapist (who signs the past
/// notes), through the same clinic filter and the same signing path as the app.
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
            var clinic = Clinic.Open(DemoClinic.Id, DemoClinic.Name, DemoClinic.TimeZone, clock.GetUtcNow());
            // The demo signs in with the password alone, so anyone can try it; /admin/clinic changes that.
            clinic.RequireTwoFactorFor(TwoFactorRequirement.NoOne);
            db.Clinics.Add(clinic);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var demoUser in DemoClinic.Users)
        {
            await SeedUserAsync(demoUser, cancellationToken);
        }

        await SeedClinicSettingsAsync(await StaffRefAsync(DemoClinic.Admin), cancellationToken);
        await SeedCredentialsAsync(cancellationToken);
        await DemoCatalog.SeedAsync(db, await StaffRefAsync(DemoClinic.Admin), clock.GetUtcNow(), cancellationToken);

        var therapist = await StaffRefAsync(DemoClinic.Therapist);
        var frontDesk = await StaffRefAsync(DemoClinic.FrontDesk);
        await runner.RunAsync(ClinicActor.StaffOf(DemoClinic.Id, therapist.UserId), async (services, ct) =>
        {
            var clinicDb = services.GetRequiredService<AppDbContext>();
            await SeedPatientsAsync(clinicDb, ct);
            var charts = new DemoCharts(clinicDb, clock);
            await charts.SeedHistoryAsync(therapist, frontDesk, ct);
            await DemoRedFlags.SeedGretasNightPainAsync(clinicDb, therapist, clock, ct);
            await DemoHandouts.SeedEllensAsync(services, therapist, ct);
            await charts.SeedTodayAsync(therapist, ct);
        }, cancellationToken);

        // After the hand-written patients and episodes, whose steps seed only into an empty clinic.
        await DemoOutcomeHistory.SeedAsync(db, DemoClinic.Calendar.DateOf(clock.GetUtcNow()), HandWrittenPatients, cancellationToken);
        // The history's outcome rows are derived by the seeder itself (COPY raises no domain events); the
        // hand-written episodes and today's visits got theirs from the events of their saves.
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

    /// <summary>Address, phone, hours, paper and logo, set once: an admin's later edits are theirs to keep.</summary>
    private async Task SeedClinicSettingsAsync(StaffRef admin, CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.IgnoreQueryFilters().SingleAsync(c => c.Id == DemoClinic.Id, cancellationToken);
        if (clinic.Address is null)
        {
            clinic.UpdateContact(DemoClinic.Address, DemoClinic.Phone);
            clinic.PrintOn(PaperSize.A4);
            clinic.SetOpeningHours(OpeningHours.Of(
            [
                new OpenDay(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(19, 0)),
                new OpenDay(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(19, 0)),
                new OpenDay(DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(19, 0)),
                new OpenDay(DayOfWeek.Thursday, new TimeOnly(8, 0), new TimeOnly(20, 0)),
                new OpenDay(DayOfWeek.Friday, new TimeOnly(8, 0), new TimeOnly(17, 0)),
                new OpenDay(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
            ]));
        }

        if (!await db.ClinicLogos.IgnoreQueryFilters().AnyAsync(l => l.ClinicId == DemoClinic.Id, cancellationToken))
        {
            db.ClinicLogos.Add(ClinicLogo.Upload(DemoClinic.Id, Encoding.UTF8.GetBytes(DemoClinic.LogoSvg), admin, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A sign-in and its staff member, written together; an older demo database gets the missing half.</summary>
    private async Task SeedUserAsync(DemoUser demoUser, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(demoUser.Email);
        var member = user is null
            ? null
            : await db.StaffMembers.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == user.Id, cancellationToken);
        if (member is not null)
        {
            // Staff members made from older demo sign-ins by the migration have no title yet.
            if (member.ProfessionalTitle is null)
            {
                member.UpdateProfile(member.FullName, demoUser.Title, demoUser.LicenceNumber);
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (user is null)
        {
            user = new ApplicationUser
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

        db.StaffMembers.Add(StaffMember.Join(
            user.Id, DemoClinic.Id, demoUser.FullName, demoUser.Email, demoUser.Role, demoUser.Title, demoUser.LicenceNumber,
            clock.GetUtcNow().AddDays(-demoUser.JoinedDaysAgo)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Maya holds a current dry-needling certificate and Jonas one that ran out three months ago, so
    /// dry needling is refused to him with its own message; Maya's first-aid certificate ran out two
    /// months ago, so the staff page has expired credentials to show. Leila (who joined later, and may
    /// have joined an older demo database) holds her registration only.
    /// </summary>
    private async Task SeedCredentialsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leila = await MemberAsync(DemoClinic.ThirdTherapist, cancellationToken);
        if (leila.Credentials.Count == 0)
        {
            // Newly qualified: registered, no dry-needling certificate (so none of her episodes is needled).
            var on = DemoClinic.Calendar.DateOf(now);
            leila.AddCredential(CredentialKind.ProfessionalLicence, "Health and Care Professions Council", "PH131902",
                on.AddMonths(-5), on.AddMonths(19), on, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.StaffCredentials.IgnoreQueryFilters().AnyAsync(c => c.ClinicId == DemoClinic.Id && c.StaffMemberId != leila.Id, cancellationToken))
        {
            return;
        }

        var today = DemoClinic.Calendar.DateOf(now);
        var maya = await MemberAsync(DemoClinic.Therapist, cancellationToken);
        maya.AddCredential(CredentialKind.DryNeedlingCertification, "Chartered Society of Physiotherapy (AACP course)", "AACP-DN-20931",
            today.AddMonths(-14), today.AddMonths(22), today, now);
        maya.AddCredential(CredentialKind.ProfessionalLicence, "Health and Care Professions Council", "PH104233",
            today.AddYears(-6), today.AddMonths(9), today, now);
        maya.AddCredential(CredentialKind.CprFirstAid, "St John Ambulance", "FAW-55120",
            today.AddYears(-3).AddMonths(-2), today.AddMonths(-2), today, now);

        var jonas = await MemberAsync(DemoClinic.SecondTherapist, cancellationToken);
        jonas.AddCredential(CredentialKind.DryNeedlingCertification, "Acupuncture Association of Chartered Physiotherapists", "AACP-DN-31877",
            today.AddMonths(-39), today.AddMonths(-3), today, now);
        jonas.AddCredential(CredentialKind.ProfessionalLicence, "Health and Care Professions Council", "PH118760",
            today.AddYears(-3), today.AddMonths(9), today, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<StaffMember> MemberAsync(DemoUser demoUser, CancellationToken cancellationToken) =>
        await db.StaffMembers.IgnoreQueryFilters().Include(s => s.Credentials)
            .SingleAsync(s => s.ClinicId == DemoClinic.Id && s.Email == demoUser.Email, cancellationToken);

    /// <summary>The demo's own patients, whom the browser tests know by name; the history's patients are named otherwise.</summary>
    public static readonly IReadOnlyList<(string Mrn, string Given, string Family, DateOnly Born, Sex Sex, string Phone)> HandWrittenPatients =
    [
        ("P000101", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, "+44 20 7946 0101"),
        ("P000102", "Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male, "+44 20 7946 0102"),
        ("P000103", "Greta", "Lindholm", new DateOnly(1971, 6, 28), Sex.Female, "+44 20 7946 0103"),
        ("P000104", "Rafael", "Moreno", new DateOnly(2001, 1, 9), Sex.Male, "+44 20 7946 0104"),
        ("P000105", "Aisha", "Rahman", new DateOnly(1983, 9, 21), Sex.Female, "+44 20 7946 0105"),
    ];

    private async Task SeedPatientsAsync(AppDbContext clinicDb, CancellationToken cancellationToken)
    {
        if (await clinicDb.Patients.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var p in HandWrittenPatients)
        {
            var registered = now.AddDays(-120);
            var patient = Patient.Register(DemoClinic.Id, p.Mrn, p.Given, p.Family, p.Born, p.Sex, registered, DemoClinic.Calendar.DateOf(registered));
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
