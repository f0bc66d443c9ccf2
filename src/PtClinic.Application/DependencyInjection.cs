using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Events;
using PtClinic.Application.Common.Time;

namespace PtClinic.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators and application services. The mediator and its pipeline (logging, audit, authorization,
    /// validation, domain rules) are registered by the host, the one project that runs Mediator's
    /// source generator, because its options must be compile-time constants there.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validators are stateless (their only dependency is the clock): build each once, not per operation.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<ClinicClock>();

        // Scoped, like the DbContext the handlers share with the save that raised the event.
        services.AddScoped<IDomainEventDispatcher, DomainEventDispatcher>();
        foreach (var handler in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var handles in handler.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
            {
                services.AddScoped(handles, handler);
            }

            if (typeof(ISavedEventsHandler).IsAssignableFrom(handler))
            {
                services.AddScoped(typeof(ISavedEventsHandler), handler);
            }
        }

        return services;
    }
}
