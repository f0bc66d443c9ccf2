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

builder.Services.AddPtClinicCore(new InfrastructureOptions(
    connectionString,
    RunJobServer: !migrateOnly && builder.Configuration.GetValue("Jobs:RunServer", true)));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
builder.Services.AddScoped<OperationSender>();
builder.Services.AddScoped<ClinicTime>();

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/account/sign-in";
    cookie.LogoutPath = "/account/sign-out";
    cookie.AccessDeniedPath = "/account/sign-in";
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
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapHangfireDashboard("/jobs", new DashboardOptions
{
    Authorization = [new JobsDashboardAuthorizationFilter()],
    DashboardTitle = "PtClinic background jobs",
    AppPath = "/",
});
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
