using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PtClinic.Infrastructure.Identity;
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
var auditVerify = args.Contains("--audit-verify");
// Nothing tells a scanner which server this is.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var runtimeConnectionString = builder.Configuration.GetConnectionString(DatabaseSetup.RuntimeConnectionName);
var ownerConnectionString = builder.Configuration.GetConnectionString(DatabaseSetup.OwnerConnectionName);
// The migrate step may be given the owner's connection alone (and Database__RuntimeRole).
var connectionString = runtimeConnectionString ?? (migrateOnly ? ownerConnectionString : null)
    ?? throw new InvalidOperationException(
        "No database configured: set ConnectionStrings__Postgres (./ptclinic.sh run does this for the local cluster).");

var keyCertificate = DataProtectionCertificate.Load(builder.Configuration);
builder.Services.AddPtClinicCore(new InfrastructureOptions(
    connectionString,
    RunJobServer: !migrateOnly && !auditVerify && builder.Configuration.GetValue("Jobs:RunServer", true),
    DataProtectionCertificate: keyCertificate));

// The key manager's own warning about unencrypted keys does not say what to do; ours, below, does.
builder.Logging.AddFilter(DataProtectionCertificate.KeyManagerLogCategory, LogLevel.Error);

builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = CircuitLimits.MaximumReceiveMessageSize);
builder.Services.AddMudServices();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
builder.Services.AddScoped<OperationSender>();
builder.Services.AddScoped<CircuitClientAddress>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitClientAddress.Tracker>();
builder.Services.AddScoped<ClinicTime>();
builder.Services.AddScoped<DraftsBeforeSignOut>();
builder.Services.AddSignInRateLimits(builder.Configuration);
builder.Services.AddSingleton<RecurringJobStatus>();

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
// Deactivating a staff member or resetting their password changes their security stamp; a
// session checks it this often, so access ends within a minute rather than Identity's 30.
// The refreshed sign-in keeps its session: the circuit reports activity by that id.
builder.Services.Configure<SecurityStampValidatorOptions>(stamp =>
{
    stamp.ValidationInterval = TimeSpan.FromMinutes(1);
    stamp.OnRefreshingPrincipal = refreshing =>
    {
        if (refreshing.CurrentPrincipal?.FindFirst(SignInSessionStore.SessionIdClaimType) is { } session
            && refreshing.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            identity.AddClaim(new System.Security.Claims.Claim(session.Type, session.Value));
        }

        return Task.CompletedTask;
    };
});
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<SignInSessionStore, IOptions<SignInSessionOptions>>((cookie, sessions, lifetime) =>
    {
        // The cookie names a session in PostgreSQL; signing out deletes it there, on every node.
        cookie.SessionStore = sessions;
        cookie.ExpireTimeSpan = lifetime.Value.AbsoluteLifetime;
        // The idle timeout is the session's (per clinic), so the cookie itself does not slide.
        cookie.SlidingExpiration = false;
    });
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/account/sign-in";
    cookie.LogoutPath = "/account/sign-out";
    cookie.AccessDeniedPath = "/access-denied";
    cookie.Cookie.Name = "ptclinic.auth";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    // Secure whenever the request came over TLS: directly, or as the proxy reports it when
    // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (ASP.NET Core's own opt-in, see deploy/README.md).
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddAntiforgery(antiforgery =>
{
    antiforgery.Cookie.SameSite = SameSiteMode.Strict;
    antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddHsts(hsts =>
{
    hsts.MaxAge = TimeSpan.FromDays(365);
    hsts.IncludeSubDomains = true;
});
builder.Services.AddAuthorization(authorization =>
    // Every endpoint needs a signed-in user unless it says otherwise (sign-in, health, static files).
    authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: [HealthEndpoints.ReadyTag]);

var app = builder.Build();
if (keyCertificate is null && !migrateOnly && !auditVerify)
{
    DataProtectionCertificate.WarnUnencrypted(app.Logger);
}

if (auditVerify)
{
    return await PtClinic.Infrastructure.Audit.AuditTrailCheck.RunAsync(app.Services, Console.Out);
}

var migrate = migrateOnly || app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment());
var seedDemo = app.Configuration.GetValue("Database:SeedDemo", app.Environment.IsDevelopment());
if ((migrate || seedDemo) && ownerConnectionString is not null)
{
    await DatabaseSetup.RunAsOwnerAsync(
        ownerConnectionString, DatabaseSetup.RuntimeRole(app.Configuration, runtimeConnectionString), migrate, seedDemo,
        app.Services.GetRequiredService<ILoggerFactory>());
}
else if (migrate || seedDemo)
{
    // One role for everything: the check below stops this outside Development.
    await DatabaseInitializer.InitializeAsync(app.Services, migrate, seedDemo);
}

if (migrateOnly)
{
    return 0;
}

await DatabaseSetup.CheckRuntimeRoleAsync(connectionString, app.Environment.IsDevelopment(), app.Logger);

RecurringJobs.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    // Sent only over TLS: a development http:// run never gets it.
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRateLimiter();
app.UseAuthentication();
app.UseTemporaryPasswordGate();
app.UseTwoFactorEnrolmentGate();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapClinicEndpoints();
app.MapPatientAuditEndpoints();
app.MapDashboardEndpoints();
app.MapHandoutEndpoints();
app.MapHangfireDashboard("/jobs", new DashboardOptions
{
    Authorization = [JobsDashboardAuthorizationFilter.From(app.Configuration, app.Environment)],
    DashboardTitle = "PtClinic background jobs",
    AppPath = "/",
});
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
