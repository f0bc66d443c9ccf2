using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// Sent through Npgsql on the operation's own connection and transaction: EF Core took ~200 ms to
/// materialize these arrays for a 500-visit history that Npgsql reads in ~13 ms.
/// </summary>
internal sealed class KnotHistoryReader(AppDbContext db) : IKnotHistoryReader
{
    public async Task<IReadOnlyList<KnotSiteRows>> ReadAsync(
        Guid patientId, IReadOnlyCollection<Guid> unsignedAssessments, IReadOnlyCollection<string>? muscles, CancellationToken cancellationToken)
    {
        var clinicId = db.CurrentClinicId ?? throw new InvalidOperationException("Knot history is read for a clinic's user only.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            foreach (var command in KnotHistorySql.Commands(clinicId, patientId, unsignedAssessments, muscles))
            {
                batch.BatchCommands.Add(command);
            }

            var sites = new List<KnotSiteRows>();
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sites.Add(KnotHistorySql.Present(reader));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sites.Add(KnotHistorySql.Absent(reader));
            }

            return sites;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>
/// The knot history's two statements: each table grouped by site over its (patient, muscle, side,
/// zone, visit start) index, so the grouping needs no sort; every aggregate of a group sees the
/// group's rows in the same order, so the arrays line up. Raw SQL is not filtered by clinic, so the
/// clinic is named in it. Public for the benchmark, which replays exactly these.
/// </summary>
public static class KnotHistorySql
{
    public const string Findings = """
        SELECT k.muscle_code, k.side, k.zone, array_agg(k.assessment_id), array_agg(k.visit_starts_at),
               array_agg(k.tenderness), array_agg(k.size_mm), array_agg(k.is_active), array_agg(cardinality(k.referred_pain) > 0)
        FROM knot_findings AS k
        WHERE k.clinic_id = @clinic_id AND k.patient_id = @patient_id AND NOT (k.assessment_id = ANY (@unsigned))
          AND (@muscles::text[] IS NULL OR k.muscle_code = ANY (@muscles))
        GROUP BY k.muscle_code, k.side, k.zone
        """;

    public const string Absences = """
        SELECT k.muscle_code, k.side, k.zone, array_agg(k.assessment_id), array_agg(k.visit_starts_at)
        FROM knot_absences AS k
        WHERE k.clinic_id = @clinic_id AND k.patient_id = @patient_id AND NOT (k.assessment_id = ANY (@unsigned))
          AND (@muscles::text[] IS NULL OR k.muscle_code = ANY (@muscles))
        GROUP BY k.muscle_code, k.side, k.zone
        """;

    /// <param name="muscles">Only these muscles' sites; null: every site.</param>
    public static IEnumerable<NpgsqlBatchCommand> Commands(Guid clinicId, Guid patientId, IReadOnlyCollection<Guid> unsigned, IReadOnlyCollection<string>? muscles)
    {
        yield return Command(Findings, clinicId, patientId, unsigned, muscles);
        yield return Command(Absences, clinicId, patientId, unsigned, muscles);
    }

    /// <summary>A row of <see cref="Findings"/>.</summary>
    public static KnotSiteRows Present(NpgsqlDataReader reader) => new(
        Site(reader), reader.GetFieldValue<Guid[]>(3), reader.GetFieldValue<DateTimeOffset[]>(4),
        reader.GetFieldValue<int[]>(5), reader.GetFieldValue<int?[]>(6), reader.GetFieldValue<bool[]>(7), reader.GetFieldValue<bool[]>(8));

    /// <summary>A row of <see cref="Absences"/>.</summary>
    public static KnotSiteRows Absent(NpgsqlDataReader reader) =>
        new(Site(reader), reader.GetFieldValue<Guid[]>(3), reader.GetFieldValue<DateTimeOffset[]>(4));

    private static KnotSiteKey Site(NpgsqlDataReader reader) =>
        new(reader.GetString(0), Enum.Parse<BodySide>(reader.GetString(1)), Enum.Parse<MuscleZone>(reader.GetString(2)));

    private static NpgsqlBatchCommand Command(string sql, Guid clinicId, Guid patientId, IReadOnlyCollection<Guid> unsigned, IReadOnlyCollection<string>? muscles) =>
        new(sql)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid>("clinic_id", clinicId),
                new NpgsqlParameter<Guid>("patient_id", patientId),
                new NpgsqlParameter<Guid[]>("unsigned", [.. unsigned]),
                new NpgsqlParameter("muscles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = muscles is null ? DBNull.Value : muscles.ToArray() },
            },
        };
}
