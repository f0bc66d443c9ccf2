using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Time;

namespace PtClinic.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators and application services. The mediator and its pipeline (logging, authorization,
    /// validation, domain rules) are registered by the host, the one project that runs Mediator's
    /// source generator, because its options must be compile-time constants there.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validators are stateless (their only dependency is the clock): build each once, not per operation.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<ClinicClock>();
        return services;
    }
}
