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

/// <summary>
/// Follows all the domain events of one save at once, after every row of the save (what the event
/// handlers changed included) is written, still in its transaction: for a summary derived from
/// many rows, worked out once per save however many events touched it. It writes through SQL on
/// the save's connection; nothing tracked is saved after it.
/// </summary>
public interface ISavedEventsHandler
{
    Task HandleAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}

/// <summary>What the unit of work calls with the events its tracked aggregates raised.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);

    /// <summary>Every event the save dispatched, once its rows are all written and before it commits.</summary>
    Task CompleteAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}
