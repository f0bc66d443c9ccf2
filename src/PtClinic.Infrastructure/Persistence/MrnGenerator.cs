using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>MRNs from a PostgreSQL sequence: never handed out twice, however many desks register at once.</summary>
internal sealed class MrnGenerator(AppDbContext db) : IMrnGenerator
{
    public const string SequenceName = "patient_mrn_seq";

    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        var next = await db.Database
            .SqlQueryRaw<long>($"SELECT nextval('{SequenceName}') AS \"Value\"")
            .SingleAsync(cancellationToken);
        return $"P{next:D6}";
    }
}
