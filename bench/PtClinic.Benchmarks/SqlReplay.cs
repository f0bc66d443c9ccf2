using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace PtClinic.Benchmarks;

/// <summary>
/// Sends statements EF Core sent (captured with <see cref="EfSqlCapture"/>) again, raw: same order,
/// same transaction boundaries, texts and parameters (type and value), on a pooled connection opened
/// for the call. Each row is handed to <c>read</c> to be read with typed getters, as a floor should.
/// </summary>
internal static partial class SqlReplay
{
    /// <summary>Returns how many rows came back; <paramref name="stepMs"/>, when given, collects each step's time.</summary>
    public static async Task<int> RunAsync(
        NpgsqlDataSource source, IReadOnlyList<SqlStatement> script, Action<int, NpgsqlDataReader> read, double[]? stepMs, CancellationToken ct)
    {
        var rows = 0;
        await using var connection = await source.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaction = null;
        try
        {
            for (var i = 0; i < script.Count; i++)
            {
                var step = script[i];
                var started = Stopwatch.GetTimestamp();
                switch (step.Kind)
                {
                    case SqlStepKind.Begin:
                        transaction = await connection.BeginTransactionAsync(ct);
                        break;
                    case SqlStepKind.Commit:
                        await transaction!.CommitAsync(ct);
                        await transaction.DisposeAsync();
                        transaction = null;
                        break;
                    case SqlStepKind.Rollback:
                        await transaction!.RollbackAsync(ct);
                        await transaction.DisposeAsync();
                        transaction = null;
                        break;
                    default:
                        await using (var command = new NpgsqlCommand(step.Text, connection, transaction))
                        {
                            foreach (var parameter in step.Replay)
                            {
                                command.Parameters.Add(parameter.Clone());
                            }

                            if (step.Kind == SqlStepKind.NonQuery)
                            {
                                await command.ExecuteNonQueryAsync(ct);
                            }
                            else
                            {
                                await using var reader = await command.ExecuteReaderAsync(ct);
                                do
                                {
                                    while (await reader.ReadAsync(ct))
                                    {
                                        read(i, reader);
                                        rows++;
                                    }
                                }
                                while (await reader.NextResultAsync(ct));
                            }
                        }

                        break;
                }

                if (stepMs is not null)
                {
                    stepMs[i] += Samples.Since(started);
                }
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        return rows;
    }

    /// <summary>Reads every column of a row, boxed: for statements whose rows the floor does not use itself.</summary>
    public static void ReadAll(int step, NpgsqlDataReader reader)
    {
        for (var c = 0; c < reader.FieldCount; c++)
        {
            // An array of a value type may hold nulls (array_agg of a nullable column): read it as nullable.
            _ = reader.GetDataTypeName(c) switch
            {
                "integer[]" => reader.GetFieldValue<int?[]>(c),
                "boolean[]" => reader.GetFieldValue<bool?[]>(c),
                _ => reader.GetValue(c),
            };
        }
    }

    /// <summary>A short name for a step: the table it reads first ("SELECT from knot_findings").</summary>
    public static string Label(SqlStatement step) => step.Kind switch
    {
        SqlStepKind.Begin => "BEGIN",
        SqlStepKind.Commit => "COMMIT",
        SqlStepKind.Rollback => "ROLLBACK",
        _ when FirstTable().Match(step.Text) is { Success: true } m => $"{step.NormalizedText.Split(' ')[0]} from {m.Groups[1].Value}",
        _ => step.NormalizedText.Length <= 30 ? step.NormalizedText : step.NormalizedText[..30] + "...",
    };

    /// <summary>Per step, the samples of its time over the measured replays.</summary>
    public sealed class StepTimes(int length)
    {
        private readonly Samples[] _samples = [.. Enumerable.Range(0, length).Select(_ => new Samples())];

        public void Add(double[] stepMs)
        {
            for (var i = 0; i < stepMs.Length; i++)
            {
                _samples[i].Add(stepMs[i]);
            }
        }

        public IEnumerable<(int Step, double MedianMs)> Medians() => _samples.Select((s, i) => (i, s.Median));
    }

    [GeneratedRegex("""\bFROM\s+"?([a-z_]+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex FirstTable();
}
