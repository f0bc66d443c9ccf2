using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace PtClinic.Benchmarks;

internal enum SqlStepKind
{
    Begin,
    Commit,
    Rollback,
    Reader,
    NonQuery,
    Scalar,
}

/// <summary>
/// One step as it went to the server: a command (text, parameters, how it was executed) or a
/// transaction boundary. <see cref="Replay"/> holds copies of the parameters, type and value, to send
/// the same command again.
/// </summary>
internal sealed record SqlStatement(
    SqlStepKind Kind,
    string Text,
    IReadOnlyList<SqlParameterInfo> Parameters,
    IReadOnlyList<NpgsqlParameter> Replay)
{
    public static SqlStatement Bare(SqlStepKind kind) => new(kind, kind.ToString().ToUpperInvariant(), [], []);

    public static SqlStatement From(DbCommand command, SqlStepKind kind)
    {
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        return new SqlStatement(
            kind,
            command.CommandText,
            parameters.Select(SqlParameterInfo.From).ToArray(),
            parameters.OfType<NpgsqlParameter>().Select(p => p.Clone()).ToArray());
    }

    public string NormalizedText => Regex.Replace(Text, @"\s+", " ").Trim();

    public override string ToString()
    {
        var text = new StringBuilder(Text.Trim());
        if (Kind is not (SqlStepKind.Begin or SqlStepKind.Commit or SqlStepKind.Rollback) && text[^1] != ';')
        {
            text.Append(';');
        }

        foreach (var p in Parameters)
        {
            text.Append(Environment.NewLine).Append("-- @").Append(p.Name).Append(' ').Append(p.DataTypeName ?? "?")
                .Append(" = ").Append(Describe(p.Value));
        }

        return text.ToString();
    }

    private static string Describe(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s when s.Length > 40 => $"'{s[..37]}...' ({s.Length} characters)",
        string s => $"'{s}'",
        string[] a when a.Length > 4 => $"{{{string.Join(",", a.Take(4))},...}} ({a.Length} elements)",
        string[] a => $"{{{string.Join(",", a)}}}",
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e when e.Cast<object>().ToArray() is var items =>
            $"{{{string.Join(",", items.Take(2).Select(Describe))}{(items.Length > 2 ? ",..." : "")}}} ({items.Length} elements)",
        _ => value.ToString() ?? "",
    };
}

internal sealed record SqlParameterInfo(string Name, string? DataTypeName, object? Value)
{
    public static SqlParameterInfo From(DbParameter p) => new(
        p.ParameterName.TrimStart('@', ':'),
        p is NpgsqlParameter np ? SafeDataTypeName(np) : p.DbType.ToString(),
        p.Value);

    private static string? SafeDataTypeName(NpgsqlParameter p)
    {
        try
        {
            return p.DataTypeName;
        }
        catch (Exception)
        {
            return null;
        }
    }
}

/// <summary>
/// What EF Core sent, read from its DiagnosticListener ("Microsoft.EntityFrameworkCore") while a capture
/// is open: the exact command texts and parameters, and where transactions began and ended. Open only
/// around a verification call, never while timing: a subscriber makes EF Core build event payloads.
/// </summary>
internal sealed class EfSqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly object _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<SqlStatement> _statements = [];
    private readonly IDisposable _allListeners;

    private EfSqlCapture() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>
    /// Starts listening. EF Core caches for about a second whether anyone listens to its diagnostics,
    /// per context service provider; pooled contexts keep theirs, so wait that out before the
    /// statements to capture are sent.
    /// </summary>
    public static async Task<EfSqlCapture> StartAsync(CancellationToken ct)
    {
        var capture = new EfSqlCapture();
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        return capture;
    }

    public IReadOnlyList<SqlStatement> Statements
    {
        get
        {
            lock (_gate)
            {
                return [.. _statements];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _statements.Clear();
        }
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_gate)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        SqlStatement? statement = null;
        if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData command)
        {
            statement = SqlStatement.From(command.Command, command.ExecuteMethod switch
            {
                DbCommandMethod.ExecuteNonQuery => SqlStepKind.NonQuery,
                DbCommandMethod.ExecuteScalar => SqlStepKind.Scalar,
                _ => SqlStepKind.Reader,
            });
        }
        else if (e.Key == RelationalEventId.TransactionStarted.Name)
        {
            statement = SqlStatement.Bare(SqlStepKind.Begin);
        }
        else if (e.Key == RelationalEventId.TransactionCommitted.Name)
        {
            statement = SqlStatement.Bare(SqlStepKind.Commit);
        }
        else if (e.Key == RelationalEventId.TransactionRolledBack.Name)
        {
            statement = SqlStatement.Bare(SqlStepKind.Rollback);
        }

        if (statement is not null)
        {
            lock (_gate)
            {
                _statements.Add(statement);
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

/// <summary>
/// What a floor sent, recorded by the floor itself when a list is given (verification only), so it can
/// be compared statement by statement with what EF Core sent for the same input.
/// </summary>
internal static class FloorTrace
{
    public static void Record(List<SqlStatement>? trace, NpgsqlCommand command, SqlStepKind kind) =>
        trace?.Add(SqlStatement.From(command, kind));

    public static void Record(List<SqlStatement>? trace, SqlStepKind boundary) => trace?.Add(SqlStatement.Bare(boundary));

    /// <summary>Null when the floor sends exactly what EF Core sent; otherwise a description of the first difference.</summary>
    public static string? Compare(IReadOnlyList<SqlStatement> ours, IReadOnlyList<SqlStatement> floor, bool compareValues)
    {
        var problems = new StringBuilder();
        if (ours.Count != floor.Count)
        {
            problems.AppendLine($"EF Core sent {ours.Count} statement(s), the floor {floor.Count}.");
        }

        for (var i = 0; i < Math.Min(ours.Count, floor.Count); i++)
        {
            var (a, b) = (ours[i], floor[i]);
            if (a.Kind != b.Kind || a.NormalizedText != b.NormalizedText)
            {
                problems.AppendLine($"Statement {i + 1} differs.");
                continue;
            }

            var names = (string.Join(",", a.Parameters.Select(p => p.Name)), string.Join(",", b.Parameters.Select(p => p.Name)));
            if (names.Item1 != names.Item2)
            {
                problems.AppendLine($"Statement {i + 1}: parameters ({names.Item1}) vs ({names.Item2}).");
                continue;
            }

            for (var j = 0; j < a.Parameters.Count; j++)
            {
                var (pa, pb) = (a.Parameters[j], b.Parameters[j]);
                if (pa.DataTypeName != pb.DataTypeName)
                {
                    problems.AppendLine($"Statement {i + 1}: @{pa.Name} is {pa.DataTypeName} in EF Core, {pb.DataTypeName} in the floor.");
                }
                else if (compareValues && !Equals(pa.Value, pb.Value))
                {
                    problems.AppendLine($"Statement {i + 1}: @{pa.Name} is '{pa.Value}' in EF Core, '{pb.Value}' in the floor.");
                }
            }
        }

        if (problems.Length == 0)
        {
            return null;
        }

        problems.AppendLine("EF Core sent:");
        foreach (var s in ours)
        {
            problems.AppendLine(s.ToString());
        }

        problems.AppendLine("The floor sent:");
        foreach (var s in floor)
        {
            problems.AppendLine(s.ToString());
        }

        return problems.ToString();
    }
}
