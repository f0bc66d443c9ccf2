using PtClinic.Application.Common.Results;

namespace PtClinic.Web.Services;

/// <summary>
/// How one note page saves, for every section on it: the SOAP text and the findings save a moment
/// after the therapist stops (<see cref="Edit"/>), knots and questionnaires as their dialog is
/// confirmed (<see cref="SubmitAsync"/>), and all of them report one <see cref="State"/>.
/// <para>
/// Nothing counts as saved until the server said so. A save that throws or returns an error other
/// than a validation error or a conflict stays queued and is retried with a growing pause, and once
/// more when the page goes away; what was changed while a save was on its way is saved after it.
/// A validation error is kept for its section to show beside the field, and not retried; a conflict
/// stops that record's saving, since only a reload can resolve it.
/// </para>
/// Every member is called on one logical thread: the component's renderer, through
/// <c>dispatch</c> (Blazor's <c>InvokeAsync</c>), which is also where the timer's work is sent.
/// </summary>
public sealed class Autosave : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly ILogger _logger;
    private readonly AutosaveTiming _timing;
    private readonly ITimer _timer;
    private readonly List<Change> _queue = [];
    private readonly HashSet<string> _conflicted = [];
    private readonly Dictionary<string, Error> _invalid = [];
    private Task _run = Task.CompletedTask;
    private Error? _conflict;
    private Error? _lastFailure;
    private int _failures;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _savedAt;
    private bool _flushing;
    private bool _disposed;

    public Autosave(TimeProvider time, Func<Func<Task>, Task> dispatch, ILogger logger, AutosaveTiming? timing = null)
    {
        _time = time;
        _dispatch = dispatch;
        _logger = logger;
        _timing = timing ?? AutosaveTiming.Default;
        _timer = time.CreateTimer(_ => _ = OnTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised on the dispatcher whenever <see cref="State"/> or a section's problem may have changed.</summary>
    public event Action? Changed;

    /// <summary>The one state the page shows, the worst first: a conflict, a field to correct, a failure, work in progress.</summary>
    public AutosaveState State =>
        _conflict is not null ? new(AutosaveStatus.Conflict, _savedAt, _conflict)
        : _invalid.Count > 0 ? new(AutosaveStatus.Invalid, _savedAt, _invalid.Values.First())
        : _failures > 0 ? new(AutosaveStatus.Retrying, _savedAt, _lastFailure)
        : _queue.Count > 0 ? new(AutosaveStatus.Saving, _savedAt, null)
        : _savedAt is not null ? new(AutosaveStatus.Saved, _savedAt, null)
        : new(AutosaveStatus.Unchanged, null, null);

    /// <summary>True while something is waiting to be sent or confirmed.</summary>
    public bool HasUnsaved => _queue.Count > 0;

    /// <summary>The validation error of a section's last save, to show beside its fields.</summary>
    public Error? ValidationErrorOf(string section) => _invalid.GetValueOrDefault(section);

    /// <summary>When the page opened on something already saved: the state reads "Saved at" that time.</summary>
    public void SavedBefore(DateTimeOffset? at)
    {
        if (at > _savedAt || _savedAt is null)
        {
            _savedAt = at;
        }
    }

    /// <summary>
    /// <paramref name="section"/> of <paramref name="record"/> changed; <paramref name="save"/> sends
    /// its whole current content. Sent after a pause in editing; a newer edit of the same section
    /// replaces one not yet sent, and one made while a save is on its way is sent after it.
    /// </summary>
    public void Edit(string record, string section, Func<CancellationToken, Task<Error?>> save)
    {
        if (_disposed || _conflicted.Contains(record))
        {
            return;
        }

        var dueAt = _time.GetUtcNow() + _timing.Pause;
        var waiting = _queue.FindLast(c => c.Section == section && !c.InFlight);
        if (waiting is not null)
        {
            waiting.Save = save;
            waiting.DueAt = dueAt;
        }
        else
        {
            _queue.Add(new Change(record, section, save, dueAt, null));
        }

        Schedule();
        Changed?.Invoke();
    }

    /// <summary>
    /// A change confirmed in a dialog, sent now (after anything queued before it). The task ends
    /// with its first attempt, so the dialog can show a validation error beside its field; a change
    /// that failed otherwise stays queued and is retried like any other.
    /// </summary>
    public Task<SubmitOutcome> SubmitAsync(string record, Func<CancellationToken, Task<Error?>> save)
    {
        if (_disposed)
        {
            return Task.FromResult(new SubmitOutcome(AutosaveStatus.Retrying, null));
        }

        if (_conflicted.Contains(record))
        {
            return Task.FromResult(new SubmitOutcome(AutosaveStatus.Conflict, _conflict));
        }

        var attempted = new TaskCompletionSource<SubmitOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(new Change(record, null, save, _time.GetUtcNow(), attempted));
        // Someone just confirmed a change: a good moment to try again whatever was waiting to be retried.
        _retryAt = DateTimeOffset.MinValue;
        Changed?.Invoke();
        _ = RunAsync();
        return attempted.Task;
    }

    /// <summary>Sends everything queued now, each at most once, without waiting for pauses; true when nothing is left unsaved.</summary>
    public async Task<bool> FlushAsync()
    {
        _flushing = true;
        try
        {
            // A run under way finishes its current save first; the flag makes it take the rest at once.
            await RunAsync();
            if (_queue.Any(c => !c.TriedInFlush && !_conflicted.Contains(c.Record)))
            {
                await RunAsync();
            }
        }
        finally
        {
            _flushing = false;
            foreach (var change in _queue)
            {
                change.TriedInFlush = false;
            }

            Schedule();
        }

        return _queue.Count == 0;
    }

    /// <summary>The page is going away: one last attempt at whatever is unsaved.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            if (_queue.Count > 0 && !await FlushAsync())
            {
                _logger.LogWarning("{Count} change(s) of the note were still unsaved when the page closed", _queue.Count);
            }
        }
        finally
        {
            await _timer.DisposeAsync();
        }
    }

    private Task RunAsync()
    {
        if (_run.IsCompleted)
        {
            _run = SaveDueChangesAsync();
        }

        return _run;
    }

    private async Task SaveDueChangesAsync()
    {
        while (Next() is { } change)
        {
            change.InFlight = true;
            change.TriedInFlush |= _flushing;
            Changed?.Invoke();
            var outcome = await AttemptAsync(change);
            change.InFlight = false;
            Settle(change, outcome);
            Changed?.Invoke();
        }

        Schedule();
    }

    /// <summary>The first change due, in the order they were made; none while waiting to retry, unless flushing.</summary>
    private Change? Next()
    {
        var now = _time.GetUtcNow();
        if (!_flushing && now < _retryAt)
        {
            return null;
        }

        return _queue.Find(c => !_conflicted.Contains(c.Record) && (_flushing ? !c.TriedInFlush : c.DueAt <= now));
    }

    private async Task<SubmitOutcome> AttemptAsync(Change change)
    {
        try
        {
            var error = await change.Save(CancellationToken.None);
            return error switch
            {
                null => new(AutosaveStatus.Saved, null),
                { Kind: ErrorKind.Validation } => new(AutosaveStatus.Invalid, error),
                { Kind: ErrorKind.Conflict } => new(AutosaveStatus.Conflict, error),
                _ => new(AutosaveStatus.Retrying, error),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database or the connection to it failed: keep the change and try again later.
            _logger.LogWarning(ex, "Saving {Section} of the note failed; it will be retried", change.Section ?? "a change");
            return new(AutosaveStatus.Retrying, null);
        }
    }

    private void Settle(Change change, SubmitOutcome outcome)
    {
        if (change.Section is { } section && outcome.Status is AutosaveStatus.Saved or AutosaveStatus.Invalid)
        {
            _invalid.Remove(section);
        }

        switch (outcome.Status)
        {
            case AutosaveStatus.Saved:
                _queue.Remove(change);
                _savedAt = _time.GetUtcNow();
                _failures = 0;
                _lastFailure = null;
                _retryAt = DateTimeOffset.MinValue;
                break;
            case AutosaveStatus.Invalid:
                // Not retried: the same content would be refused again. The section's next edit is a new save.
                _queue.Remove(change);
                if (change.Section is { } invalidSection)
                {
                    _invalid[invalidSection] = outcome.Error!;
                }

                break;
            case AutosaveStatus.Conflict:
                _queue.RemoveAll(c => c.Record == change.Record && !c.InFlight);
                _conflicted.Add(change.Record);
                _conflict = outcome.Error;
                break;
            default:
                _failures++;
                _lastFailure = outcome.Error;
                _retryAt = _time.GetUtcNow() + _timing.Backoff(_failures);
                // A newer edit of the same section carries everything this one did.
                if (change.Section is not null && _queue.Exists(c => c != change && c.Section == change.Section))
                {
                    _queue.Remove(change);
                }

                break;
        }

        if (change.Attempted is { } attempted)
        {
            // A dialog waits for this: it closes unless the change was refused for a field.
            attempted.TrySetResult(outcome);
        }

        if (outcome.Status == AutosaveStatus.Retrying)
        {
            // Changes behind this one are not attempted until the retry; their dialogs need not wait for it.
            foreach (var waiting in _queue.Where(c => c != change && c.Attempted is not null && !c.InFlight))
            {
                waiting.Attempted!.TrySetResult(new SubmitOutcome(AutosaveStatus.Retrying, null));
            }
        }
    }

    private void Schedule()
    {
        if (_disposed)
        {
            return;
        }

        var waiting = _queue.Where(c => !c.InFlight && !_conflicted.Contains(c.Record)).ToList();
        if (waiting.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var next = waiting.Min(c => c.DueAt);
        var dueIn = (next > _retryAt ? next : _retryAt) - _time.GetUtcNow();
        _timer.Change(dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task OnTimerAsync()
    {
        try
        {
            await _dispatch(() => _disposed ? Task.CompletedTask : RunAsync());
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The page's renderer is gone; DisposeAsync makes the last attempt.
            _logger.LogDebug(ex, "An autosave timer fired after its page closed");
        }
    }

    private sealed class Change(string record, string? section, Func<CancellationToken, Task<Error?>> save, DateTimeOffset dueAt, TaskCompletionSource<SubmitOutcome>? attempted)
    {
        public string Record { get; } = record;

        /// <summary>The section an edit replaces; null for a change confirmed in a dialog, which replaces nothing.</summary>
        public string? Section { get; } = section;

        public Func<CancellationToken, Task<Error?>> Save { get; set; } = save;

        public DateTimeOffset DueAt { get; set; } = dueAt;

        public TaskCompletionSource<SubmitOutcome>? Attempted { get; } = attempted;

        public bool InFlight { get; set; }

        public bool TriedInFlush { get; set; }
    }
}
