using PtClinic.Domain.Common;

namespace PtClinic.Application.Common.Events;

/// <summary>
/// Follows a domain event inside the unit of work that raised it: it runs as the change is saved,
/// with the same DbContext and in the same transaction, so what it changes commits or rolls back
/// with the change itself (see docs/decisions/0009-domain-events.md).
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>What the unit of work calls with the events its tracked aggregates raised.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}
