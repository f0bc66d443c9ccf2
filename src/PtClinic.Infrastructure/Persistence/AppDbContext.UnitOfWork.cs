using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Events;
using PtClinic.Domain.Common;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>Saving, with the domain events of the aggregates saved (docs/decisions/0009-domain-events.md).</summary>
public sealed partial class AppDbContext
{
    /// <summary>Handlers may raise events in turn; this many rounds in one save is a loop, not a chain.</summary>
    private const int MaxDispatchRounds = 8;

    /// <summary>
    /// Far below the batch size configured in <see cref="DependencyInjection.ConfigureDbContext"/>:
    /// a save of at most this many tracked entries is sent as one batch.
    /// </summary>
    internal const int SingleBatchEntries = 50;

    // Set per rent like the user; a context without one refuses to save domain events rather than
    // drop them (a note signed there would leave its assessment unfrozen).
    private IDomainEventDispatcher? _domainEvents;

    /// <summary>Where the domain events raised by what this context saves go: the operation's scope.</summary>
    public AppDbContext DispatchingEventsTo(IDomainEventDispatcher dispatcher)
    {
        _domainEvents = dispatcher;
        return this;
    }

    /// <summary>
    /// Saves; when tracked aggregates raised domain events, in one transaction: the changes that
    /// raised them are written first, so their handlers read the rows as saved (an assessment
    /// inserted in this very save included), then each handler's changes are written, then the
    /// handlers of the save's events taken together run (the outcome snapshot, once per episode),
    /// and all of it commits or none. A save without events is the one round trip it always was.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audited = AddCommandAuditRow();
        var raised = TakeDomainEvents();
        if (raised.Count == 0)
        {
            RefuseWritesToOtherClinics();
            return audited && Database.CurrentTransaction is null && ChangeTracker.Entries().Count() <= SingleBatchEntries
                ? await SaveAsOneBatchAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var dispatcher = _domainEvents ?? throw new InvalidOperationException(
            "Domain events were raised on a context that cannot dispatch them; save through the operation's scope.");
        await using var transaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var written = 0;
        var dispatched = new List<IDomainEvent>();
        for (var round = 1; raised.Count > 0; round++)
        {
            if (round > MaxDispatchRounds)
            {
                throw new InvalidOperationException($"Domain event handlers were still raising events after {MaxDispatchRounds} rounds.");
            }

            // Accepted as written: the next round must not write the same changes again.
            RefuseWritesToOtherClinics();
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            await dispatcher.DispatchAsync(raised, cancellationToken);
            dispatched.AddRange(raised);
            raised = TakeDomainEvents();
        }

        RefuseWritesToOtherClinics();
        written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await dispatcher.CompleteAsync(dispatched, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddCommandAuditRow();
        if (TakeDomainEvents().Count > 0)
        {
            // Handlers are asynchronous (they query), and blocking on them here could deadlock.
            throw new InvalidOperationException("Save aggregates with SaveChangesAsync, which dispatches their domain events.");
        }

        RefuseWritesToOtherClinics();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// A command's save with its audit row, small enough for one batch: sent without BEGIN and COMMIT
    /// around it. PostgreSQL runs the statements of one batch in one implicit transaction, all or
    /// nothing, so this is as atomic as EF Core's explicit transaction, one round trip instead of two,
    /// and the clinic's audit chain (whose lock the row's INSERT takes until commit) is held for that
    /// one round trip rather than until a separate COMMIT arrives.
    /// </summary>
    private async Task<int> SaveAsOneBatchAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var before = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            Database.AutoTransactionBehavior = before;
        }
    }

    private List<IDomainEvent> TakeDomainEvents() =>
        [.. ChangeTracker.Entries<AggregateRoot>().SelectMany(entry => entry.Entity.TakeDomainEvents())];
}
