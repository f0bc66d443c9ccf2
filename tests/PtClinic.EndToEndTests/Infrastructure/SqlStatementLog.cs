using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PtClinic.EndToEndTests.Infrastructure;

/// <summary>
/// Every SQL statement the app's DbContexts send while a test records: enough to see that opening
/// a page reads each thing once, without a magic total that changes with every feature.
/// </summary>
public sealed class SqlStatementLog : DbCommandInterceptor
{
    private ConcurrentQueue<string>? _recording;

    public void Start() => _recording = new ConcurrentQueue<string>();

    public IReadOnlyList<string> Stop()
    {
        var recorded = _recording ?? throw new InvalidOperationException("Start recording first.");
        _recording = null;
        return [.. recorded];
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command) => _recording?.Enqueue(command.CommandText);
}
