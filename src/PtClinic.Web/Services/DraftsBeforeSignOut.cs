namespace PtClinic.Web.Services;

/// <summary>
/// What an open page still has to save before an idle sign-out ends the circuit: a note page
/// registers its autosave's flush here, and the idle timer runs them all before signing out.
/// One per circuit.
/// </summary>
public sealed class DraftsBeforeSignOut
{
    /// <summary>A save that takes longer than this (the database is away) does not hold the sign-out back.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<Func<Task>> _flushes = [];

    public IDisposable Register(Func<Task> flush)
    {
        _flushes.Add(flush);
        return new Registration(() => _flushes.Remove(flush));
    }

    public async Task SaveAllAsync()
    {
        var all = Task.WhenAll(_flushes.ToList().Select(flush => flush()));
        await Task.WhenAny(all, Task.Delay(Patience));
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
