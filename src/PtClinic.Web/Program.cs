using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Jobs;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Web;
using PtClinic.Web.Components;
using PtClinic.Web.Endpoints;
using PtClinic.Web.Security;
using PtClinic.Web.Services;

var builder = WebApplication.CreateBuilder(args);
var migrateOnly = args.Contains("--migrate-only");

var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException(
        "No database configured: set ConnectionStrings__Postgres (./ptclinic.sh run does this for the local cluster).");

var keyCertificate = DataProtectionCertificate.Load(builder.Configuration);
builder.Services.AddPtClinicCore(new InfrastructureOptions(
    connectionString,
    RunJobServer: !migrateOnly && builder.Configuration.GetValue("Jobs:RunServer", true),
    DataProtectionCertificate: keyCertificate));

// The key manager's own warning about unencrypted keys does not say what to do; ours, below, does.
builder.Logging.AddFilter(DataProtectionCertificate.KeyManagerLogCategory, LogLevel.Error);

builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = CircuitLimits.MaximumReceiveMessageSize);
builder.Services.AddMudServices();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
builder.Services.AddScoped<OperationSender>();
builder.Services.AddScoped<ClinicTime>();
builder.Services.AddSingleton<RecurringJobStatus>();

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
// Deactivating a staff member or resetting their password changes their security stamp; a
// session checks it this often, so access ends within a minute rather than Identity's 30.
builder.Services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/account/sign-in";
    cookie.LogoutPath = "/account/sign-out";
    cookie.AccessDeniedPath = "/access-denied";
    cookie.Cookie.Name = "ptclinic.auth";
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
    cookie.SlidingExpiration = true;
});
builder.Services.AddAuthorization(authorization =>
    // Every endpoint needs a signed-in user unless it says otherwise (sign-in, health, static files).
    authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: [HealthEndpoints.ReadyTag]);

var app = builder.Build();
if (keyCertificate is null && !migrateOnly)
{
    DataProtectionCertificate.WarnUnencrypted(app.Logger);
}

var migrate = migrateOnly || app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment());
var seedDemo = app.Configuration.GetValue("Database:SeedDemo", app.Environment.IsDevelopment());
if (migrate || seedDemo)
{
    await DatabaseInitializer.InitializeAsync(app.Services, migrate, seedDemo);
}

if (migrateOnly)
{
    return;
}

RecurringJobs.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseTemporaryPasswordGate();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapClinicEndpoints();
app.MapHangfireDashboard("/jobs", new DashboardOptions
{
    Authorization = [JobsDashboardAuthorizationFilter.From(app.Configuration, app.Environment)],
    DashboardTitle = "PtClinic background jobs",
    AppPath = "/",
});
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
