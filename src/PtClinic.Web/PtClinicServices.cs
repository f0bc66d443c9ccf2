using Mediator;
using PtClinic.Application;
using PtClinic.Application.Common.Behaviours;
using PtClinic.Infrastructure;

namespace PtClinic.Web;

/// <summary>
/// Application + infrastructure + mediator: everything a use case needs, without the web front end.
/// The integration tests build their service provider from this same method.
/// </summary>
public static class PtClinicServices
{
    public static IServiceCollection AddPtClinicCore(this IServiceCollection services, InfrastructureOptions options)
    {
        services.AddApplication();
        services.AddInfrastructure(options);

        // Scoped: handlers take the scoped DbContext. The pipeline order is the order listed.
        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.Assemblies = [typeof(PtClinic.Application.DependencyInjection)];
            o.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuditBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(DomainRuleBehaviour<,>),
            ];
        });
        return services;
    }
}
