using System.Data.Common;
using System.Security.Cryptography.X509Certificates;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Audit;
using PtClinic.Application.Common.Events;
using PtClinic.Application.Features.Handouts;
using PtClinic.Infrastructure.Audit;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Jobs;
using PtClinic.Infrastructure.Pdf;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding;

namespace PtClinic.Infrastructure;

/// <param name="DataProtectionCertificate">A PFX certificate that encrypts the data-protection keys
/// stored in PostgreSQL (they protect sign-in cookies); none in development, where the keys are
/// stored unencrypted and the app says so at start.</param>
public sealed record InfrastructureOptions(
    string ConnectionString,
    bool RunJobServer = true,
    X509Certificate2? DataProtectionCertificate = null);

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
        services.AddScoped<IRequestOrigin>(sp => sp.GetRequiredService<ClaimsCurrentUser>());
        services.AddScoped<AuditScope>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddSingleton<IClinicOperationRunner, ClinicOperationRunner>();

        // Every operation gets its own context (a fresh scope per operation), so contexts are
        // pooled: renting one is far cheaper than building it. Each rent is bound to the scope's
        // user, which is what the clinic filters read, to the scope's domain event handlers, and to the
        // scope's running command, whose audit row its save writes.
        services.AddPooledDbContextFactory<AppDbContext>(db => ConfigureDbContext(db, options.ConnectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContext()
            .ServingUser(sp.GetRequiredService<ICurrentUser>())
            .DispatchingEventsTo(sp.GetRequiredService<IDomainEventDispatcher>())
            .AuditingTo(sp.GetRequiredService<AuditScope>()));
        services.AddScoped<IAppDbContext, AppDbContextAccess>();
        services.AddScoped<IMrnGenerator, MrnGenerator>();
        services.AddScoped<IPatientSearch, PatientSearch>();
        services.AddScoped<IKnotHistoryReader, KnotHistoryReader>();
        services.AddScoped<IEpisodeOutcomes, EpisodeOutcomes>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<IStaffAccounts, StaffAccounts>();
        services.AddScoped<StaffPasswords>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddSingleton<LoggingSignInEvents>();
        services.AddSingleton<ISignInEvents, AuditedSignInEvents>();
        services.AddOptions<SignInSessionOptions>().BindConfiguration(SignInSessionOptions.Section);
        services.AddSingleton<SignInSessionStore>();

        services.AddIdentityCore<ApplicationUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // ASVS 2.1: length, and no rules about kinds of character; CommonPasswordValidator
                // refuses the passwords attackers try first.
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                // Sign-in attempts are also limited per address (the web app's rate limiter), so
                // nobody locks a colleague out quickly from one machine.
                identity.Lockout.MaxFailedAccessAttempts = 10;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<ClinicSignInManager>()
            .AddClaimsPrincipalFactory<ClinicUserClaimsPrincipalFactory>()
            .AddErrorDescriber<ClinicIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        // Keys in PostgreSQL: every web node decrypts every other node's cookies and antiforgery tokens.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("PtClinic")
            .PersistKeysToDbContext<AppDbContext>();
        if (options.DataProtectionCertificate is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(options.ConnectionString),
                // The migrator installs and upgrades the schema, as the owner: the app's role may not.
                // A running job keeps its fetch alive (sliding), so a job of a server that died is
                // fetched again two minutes after its last sign of life, not the default half hour:
                // a print run goes on from its first unprinted handout (HandoutPrintRunJob). A job
                // queued is taken at once (LISTEN/NOTIFY), not at the next 15-second poll: a therapist
                // is watching the print run's progress.
                new PostgreSqlStorageOptions
                {
                    SchemaName = HangfireSchema,
                    PrepareSchemaIfNecessary = false,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(2),
                    EnableLongPolling = true,
                }));
        if (options.RunJobServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        }

        services.AddScoped<UnsignedNotesReportJob>();
        services.AddScoped<EndedSessionsCleanupJob>();
        services.AddScoped<EpisodeOutcomesCheckJob>();
        services.AddScoped<HandoutPrintRunJob>();
        services.AddSingleton<IHandoutPrintQueue, HangfireHandoutPrintQueue>();
        services.AddScoped<DemoClinicSeeder>();
        // One for the process: it keeps the fonts and parsed pictures every handout shares.
        services.AddSingleton<IHandoutRenderer, HandoutRenderer>();
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(WithPreparedStatements(connectionString), Npgsql).UseSnakeCaseNamingConvention();

    /// <summary>The same on a connection already open (a tool's, writing by COPY on it).</summary>
    public static void ConfigureDbContext(DbContextOptionsBuilder db, System.Data.Common.DbConnection connection) =>
        db.UseNpgsql(connection, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) => npgsql
        .MigrationsAssembly(MigrationsAssembly)
        // Stated, not left to the provider's default: AppDbContext sends a command's small save
        // (AppDbContext.SingleBatchEntries) as one batch, without BEGIN and COMMIT.
        .MaxBatchSize(1000);

    /// <summary>
    /// Lets Npgsql prepare the statements the app sends again and again (autosave, search), so
    /// PostgreSQL parses and plans them once per connection. An explicit setting in the connection
    /// string wins (set Max Auto Prepare=0 behind a pooler that cannot keep prepared statements).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword it knows, set or not;
        // what the string itself says is read with the plain builder.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(params string[] keywords) => keywords.Any(given.ContainsKey);
        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // EF Core opens a pooled connection twice per autosave (read, then write). A reset on each
        // return costs PostgreSQL five statements; the app keeps no session state to reset (search
        // uses SET LOCAL inside its own transaction).
        if (!Given("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
