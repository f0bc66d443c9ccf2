using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Domain.Common;

namespace PtClinic.Application.Common.Events;

/// <summary>
/// Runs every handler of each event, in the order raised; at the end of the save, the handlers of
/// all its events at once. Handlers come from the operation's own
/// scope when the events are dispatched (not when the dispatcher is built), so they share its
/// DbContext, the one saving.
/// </summary>
internal sealed class DomainEventDispatcher(IServiceProvider services) : IDomainEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> ByEventType = new();

    private static readonly MethodInfo DispatchTypedMethod =
        typeof(DomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvents);
        foreach (var domainEvent in domainEvents)
        {
            var dispatch = ByEventType.GetOrAdd(domainEvent.GetType(), static type =>
                DispatchTypedMethod.MakeGenericMethod(type)
                    .CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>());
            await dispatch(services, domainEvent, cancellationToken);
        }
    }

    public async Task CompleteAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvents);
        foreach (var handler in services.GetServices<ISavedEventsHandler>())
        {
            await handler.HandleAsync(domainEvents, cancellationToken);
        }
    }

    private static async Task DispatchTypedAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
        }
    }
}
