using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding;

namespace PtClinic.Infrastructure;

public sealed record InfrastructureOptions(string ConnectionString, bool RunJobServer = true);

public static class DependencyInjection
{
    public const string MigrationsAssembly = "PtClinic.Migrations";
    public const string HangfireSchema = "hangfire";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, InfrastructureOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ClaimsCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ClaimsCurrentUser>());

        services.AddDbContext<AppDbContext>(db => ConfigureDbContext(db, options.ConnectionString));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IMrnGenerator, MrnGenerator>();
        services.AddScoped<IPatientSearch, PatientSearch>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();

        services.AddIdentityCore<ApplicationUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ClinicUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Keys in PostgreSQL: every web node decrypts every other node's cookies and antiforgery tokens.
        services.AddDataProtection()
            .SetApplicationName("PtClinic")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(options.ConnectionString),
                new PostgreSqlStorageOptions { SchemaName = HangfireSchema, PrepareSchemaIfNecessary = true }));
        if (options.RunJobServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        }

        services.AddScoped<DemoClinicSeeder>();
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
          .UseSnakeCaseNamingConvention();
}
