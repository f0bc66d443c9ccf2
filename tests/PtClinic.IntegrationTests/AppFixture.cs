using System.Security.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Clinics;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Tests.Shared;
using PtClinic.Web;

[assembly: AssemblyFixture(typeof(PtClinic.IntegrationTests.AppFixture))]
// One database for the run, emptied before each test: tests take turns.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace PtClinic.IntegrationTests;

/// <summary>
/// The application's real service graph (mediator pipeline, validators, EF Core, Identity) over a
/// real PostgreSQL, built with the same composition method the web app uses.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public TestDatabase Database { get; private set; } = default!;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Fixture not initialised.");

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("ptclinic_integration");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPtClinicCore(new InfrastructureOptions(Database.ConnectionString, RunJobServer: false));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>Sends through the whole pipeline, in a fresh scope, as <paramref name="user"/>.</summary>
    public async Task<TResponse> SendAsync<TResponse>(ClaimsPrincipal user, ICommand<TResponse> command)
    {
        await using var scope = ScopeFor(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, Xunit.TestContext.Current.CancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(ClaimsPrincipal user, IQuery<TResponse> query)
    {
        await using var scope = ScopeFor(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> with the services of a fresh scope signed in as <paramref name="user"/>.</summary>
    public async Task<T> AsAsync<T>(ClaimsPrincipal user, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = ScopeFor(user);
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Adds up a clinic's month totals from its outcome rows as they are stored: for a test that
    /// wrote those rows by hand (the rebuild of the records would overwrite them).
    /// </summary>
    public async Task<int> RebuildMonthTotalsAsync(Guid clinicId)
    {
        await using var scope = ScopeFor(ClaimsCurrentUser.SystemOf(clinicId));
        return await scope.ServiceProvider.GetRequiredService<IEpisodeOutcomes>().RebuildMonthTotalsAsync(Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>Reads the database directly, past every clinic filter, to check what was really stored.</summary>
    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext();
        return await read(db);
    }

    public async Task<Guid> AddClinicAsync(string name)
    {
        await using var db = Database.CreateContext();
        var clinic = Clinic.Open(Guid.CreateVersion7(), name, "Europe/London", DateTimeOffset.UtcNow);
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync();
        return clinic.Id;
    }

    /// <summary>
    /// Seeds the demo clinic as the migrate step does: as the owner, since its past notes were
    /// signed weeks ago, which the runtime role may not write.
    /// </summary>
    public Task SeedDemoClinicAsync() => DatabaseSetup.RunAsOwnerAsync(
        Database.OwnerConnectionString, Database.RuntimeRole, migrate: false, seedDemo: true,
        Services.GetRequiredService<ILoggerFactory>(), Xunit.TestContext.Current.CancellationToken);

    public static ClaimsPrincipal StaffOf(Guid clinicId, params string[] roles) => StaffOf(clinicId, Guid.CreateVersion7(), roles);

    /// <summary>A signed-in staff member with a given id: the therapist a hand-made visit was booked with.</summary>
    public static ClaimsPrincipal StaffOf(Guid clinicId, Guid userId, params string[] roles)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(ClinicClaimTypes.ClinicId, clinicId.ToString()),
            new(ClinicClaimTypes.FullName, "Test Staff"),
        ];
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    private AsyncServiceScope ScopeFor(ClaimsPrincipal user)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        return scope;
    }
}

/// <summary>Base for tests that start from an empty database.</summary>
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public virtual ValueTask InitializeAsync() => new(App.Database.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Task<int> CountPatientsAsync() => App.ReadAsync(db => db.Patients.IgnoreQueryFilters().CountAsync());
}
