namespace PtClinic.Domain.Common;

/// <summary>An aggregate that raises domain events; the unit of work takes them as it saves.</summary>
public abstract class AggregateRoot
{
    private List<IDomainEvent>? _domainEvents;

    /// <summary>Hands over the events raised since the last call, and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var raised = _domainEvents ?? [];
        _domainEvents = null;
        return raised;
    }

    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);
}
