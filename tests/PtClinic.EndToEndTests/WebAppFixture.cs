using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mediator;
using Microsoft.Playwright;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Web.Security;
using Npgsql;
using PtClinic.EndToEndTests.Infrastructure;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Visits;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding;
using PtClinic.Tests.Shared;

[assembly: AssemblyFixture(typeof(PtClinic.EndToEndTests.WebAppFixture))]

namespace PtClinic.EndToEndTests;

/// <summary>
/// The real web app on a free loopback port, over its own PostgreSQL database with the demo clinic
/// seeded at start (as `./ptclinic.sh run` does), and one headless system Chromium for all tests.
/// The app reaches PostgreSQL through a relay a test can cut (<see cref="Database"/>), and its SQL
/// can be recorded (<see cref="Sql"/>); tests that use either run alone (<see cref="AppAloneCollection"/>).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private DatabaseProxy? _proxy;
    private PtClinicFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The app's way to PostgreSQL, which a test can cut for a moment.</summary>
    public DatabaseProxy Database => _proxy ?? throw new InvalidOperationException("Fixture not initialised.");

    /// <summary>The statements the app sends while a test records them.</summary>
    public SqlStatementLog Sql { get; } = new();

    /// <summary>Where screenshots go; point it at docs/screenshots to refresh the README's pictures.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("PTCLINIC_SCREENSHOTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("ptclinic_e2e");
        var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _proxy = DatabaseProxy.To(server.Host!, server.Port);
        // Without automatic preparation: the relay's cut (DatabaseAwayTests) breaks connections in
        // mid-protocol, and a pooled connection Npgsql auto-prepared on can come back out of step with
        // the server ("42P05: prepared statement _auto0 already exists", npgsql/npgsql#4082), failing
        // whichever test gets it next. Whether a real outage can do the same is an open question.
        var throughProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port, MaxAutoPrepare = 0 };
        _factory = new PtClinicFactory(throughProxy.ConnectionString, _database.OwnerConnectionString, Sql);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PTCLINIC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network: without these, Chromium keeps calling home and logging refusals.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);

        // The machine is small and shared: allow the waits some room, and take the app's cold start
        // (JIT, first render, first circuit) once here rather than in whichever test runs first.
        Assertions.SetDefaultExpectTimeout(10_000);
        var warmUp = await SignedInPageAsync(DemoClinic.Therapist);
        await warmUp.Context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real form and waits until the circuit is interactive.</summary>
    public async Task<IPage> SignedInPageAsync(DemoUser user)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(DemoClinic.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// A picture of the whole page for docs/screenshots. The viewport grows to the page's height
    /// first: a full-page capture would draw the fixed app bar in the middle of a scrolled page.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string fileName)
    {
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var viewport = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 800 };
        await page.SetViewportSizeAsync(viewport.Width, Math.Clamp(height, viewport.Height, 2400));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, fileName) });
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }

    /// <summary>One part of the page, with the window tall enough that the fixed app bar covers none of it.</summary>
    public static async Task ScreenshotAsync(ILocator part, string fileName)
    {
        var page = part.Page;
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var viewport = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 800 };
        await page.SetViewportSizeAsync(viewport.Width, Math.Clamp(height, viewport.Height, 4000));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await part.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, fileName) });
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }

    /// <summary>
    /// A new demo-clinic patient with an open episode and a visit today with the demo therapist,
    /// checked in and ready to chart: the given of a charting test, made without clicking through it.
    /// </summary>
    public async Task<Guid> CheckedInVisitAsync(string givenName, string familyName, MedicalHistory? history = null, bool dryNeedlingConsent = false)
    {
        // The operation's own context: episodes and visits raise domain events, which only a
        // context of a scope can dispatch (the episode's outcome row is written with them).
        await using var scope = _factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var therapistId = await db.Users.Where(u => u.Email == DemoClinic.Therapist.Email).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var patient = Patient.Register(DemoClinic.Id, $"E2E-{Guid.NewGuid():N}"[..16], givenName, familyName, new DateOnly(1990, 5, 17), Sex.Female, now, DateOnly.FromDateTime(now.UtcDateTime));
        patient.RecordMedicalHistory(history ?? MedicalHistory.None);
        if (dryNeedlingConsent)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            patient.RecordConsent(ConsentKind.DryNeedling, today, true, true, "Risks explained", new StaffRef(therapistId, DemoClinic.Therapist.FullName), now, today);
        }

        var episode = EpisodeOfCare.Open(DemoClinic.Id, patient.Id, "Knot behind the left thigh", BodyRegion.PosteriorThigh,
            BodySide.Left, null, "Self-referred", therapistId, now, DateOnly.FromDateTime(now.UtcDateTime));
        var visit = Visit.Schedule(episode, therapistId, now.AddMinutes(-10), 45, VisitType.InitialEvaluation, now);
        visit.CheckIn(episode, now);
        db.AddRange(patient, episode, visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    /// <summary>
    /// Sends a command or query as a demo staff member through the app's own pipeline (roles,
    /// validation, clinic filter): the given of a test that would take many pages to click through.
    /// </summary>
    public async Task<TResponse> SendAsAsync<TResponse>(DemoUser user, ICommand<TResponse> command) =>
        await _factory!.Services.GetRequiredService<IClinicOperationRunner>()
            .SendAsync(ClinicActor.StaffOf(DemoClinic.Id, await StaffIdAsync(user)), command, CancellationToken.None);

    public async Task<TResponse> SendAsAsync<TResponse>(DemoUser user, IQuery<TResponse> query) =>
        await _factory!.Services.GetRequiredService<IClinicOperationRunner>()
            .SendAsync(ClinicActor.StaffOf(DemoClinic.Id, await StaffIdAsync(user)), query, CancellationToken.None);

    public async Task<Guid> StaffIdAsync(DemoUser user)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == user.Email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The audit rows of one use case for a patient, oldest first.</summary>
    public async Task<IReadOnlyList<Domain.Audit.AuditEvent>> AuditRowsAsync(Guid patientId, string operation)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AuditEvents.IgnoreQueryFilters()
            .Where(e => e.PatientId == patientId && e.Operation == operation)
            .OrderBy(e => e.Sequence)
            .ToListAsync();
    }

    /// <summary>
    /// A staff member of the demo clinic with the demo password, for a test that changes the
    /// account (two-factor, lock-out) without touching the demo sign-ins other tests use.
    /// </summary>
    public async Task<DemoUser> AddDemoStaffAsync(string email, string fullName, string role)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            ClinicId = DemoClinic.Id,
        };
        (await users.CreateAsync(user, DemoClinic.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        db.StaffMembers.Add(StaffMember.Join(user.Id, DemoClinic.Id, fullName, email, role, null, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return new DemoUser(email, fullName, role, "Physiotherapist", null);
    }

    /// <summary>
    /// Sets the demo clinic's idle timeout directly, past the settings' 5-minute floor, so a test
    /// can watch it run out; only tests that run alone may do it, and they put 15 minutes back.
    /// </summary>
    public async Task SetDemoIdleTimeoutAsync(TimeSpan timeout)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Clinics.IgnoreQueryFilters().Where(c => c.Id == DemoClinic.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.IdleTimeout, timeout));
    }

    /// <summary>The note's subjective text as stored.</summary>
    public async Task<string?> SubjectiveOfAsync(Guid visitId)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.VisitNotes.IgnoreQueryFilters().Where(n => n.VisitId == visitId).Select(n => n.Subjective).FirstOrDefaultAsync();
    }

    /// <summary>The patient a visit is for, to open their chart.</summary>
    public async Task<Guid> PatientOfVisitAsync(Guid visitId)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Visits.IgnoreQueryFilters().Where(v => v.Id == visitId).Select(v => v.PatientId).SingleAsync();
    }

    /// <summary>
    /// A Hangfire server in the app for the length of a test (the host runs none, so no recurring
    /// job fires during the other tests): one worker, with the app's own job activator.
    /// </summary>
    public Hangfire.BackgroundJobServer StartJobServer()
    {
        var services = _factory!.Services;
        return new Hangfire.BackgroundJobServer(
            new Hangfire.BackgroundJobServerOptions { WorkerCount = 1, ServerName = "e2e", Activator = services.GetRequiredService<Hangfire.JobActivator>() },
            services.GetRequiredService<Hangfire.JobStorage>());
    }

    /// <summary>Clicks before the Blazor circuit is live are lost; the layout flags when it is.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("#app-shell[data-interactive='true']").WaitForAsync();

    /// <summary>The id of a demo patient, by MRN.</summary>
    public async Task<Guid> DemoPatientAsync(string mrn)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Patients.IgnoreQueryFilters().Where(p => p.ClinicId == DemoClinic.Id && p.Mrn == mrn).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The id of a demo patient's open episode, by the patient's MRN.</summary>
    public async Task<Guid> DemoEpisodeAsync(string mrn)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await (
                from e in db.Episodes.IgnoreQueryFilters()
                join p in db.Patients.IgnoreQueryFilters() on e.PatientId equals p.Id
                where p.ClinicId == DemoClinic.Id && p.Mrn == mrn && e.Status != Domain.Episodes.EpisodeStatus.Discharged
                orderby e.OpenedAt descending
                select e.Id)
            .FirstAsync();
    }

    /// <summary>The id of one of today's seeded visits of the demo therapist, by the patient's MRN.</summary>
    public async Task<Guid> DemoVisitTodayAsync(string mrn)
    {
        var contexts = _factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var since = DateTimeOffset.UtcNow.AddHours(-20);
        return await (
                from v in db.Visits.IgnoreQueryFilters()
                join p in db.Patients.IgnoreQueryFilters() on v.PatientId equals p.Id
                where p.ClinicId == DemoClinic.Id && p.Mrn == mrn && v.StartsAt > since
                orderby v.StartsAt descending
                select v.Id)
            .FirstAsync();
    }

    /// <summary>
    /// The app as its runtime role (through the relay); the start migrates and seeds as the owner,
    /// straight to the server, as `./ptclinic.sh run` does in its migrate step.
    /// </summary>
    private sealed class PtClinicFactory(string connectionString, string ownerConnectionString, SqlStatementLog sql)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("ConnectionStrings:PostgresOwner", ownerConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemo", "true");
            builder.UseSetting("Jobs:RunServer", "false");
            // Every browser test signs in from 127.0.0.1; the per-address limit has its own test.
            builder.UseSetting(SignInRateLimits.PermitsSetting, "100000");
            // The host's operator, for the jobs dashboard: the demo admin's email stands in for one
            // (the tests run in Development on localhost, where an empty list would let anyone in).
            builder.UseSetting($"{JobsDashboardAuthorizationFilter.AdministratorsKey}:0", JobsDashboardTests.HostOperator.Email);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(sql)));
        }
    }
}

/// <summary>
/// Tests that cut the database off or count the app's SQL: they run alone, after the others, so no
/// other test's page fails or adds statements meanwhile.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class AppAloneCollection
{
}
