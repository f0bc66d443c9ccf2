using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PtClinic.Domain.Audit;

/// <summary>
/// How an audit row's hash is made: SHA-256 over the previous row's hash followed by the row's
/// fields in a fixed order, each written as its UTF-8 length, a colon and its text ("~" for none),
/// separated by "|", the time as microseconds since 1970. The database trigger that writes the rows
/// computes the same thing in SQL; the verifier recomputes it here, independently.
/// </summary>
public static class AuditChain
{
    public static byte[] HashOf(AuditEvent row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var canonical = string.Join('|',
            Field(row.ClinicId),
            Field(row.Sequence.ToString(CultureInfo.InvariantCulture)),
            Field(Microseconds(row.OccurredAt).ToString(CultureInfo.InvariantCulture)),
            Field(row.ActorId),
            Field(row.ActorRoles),
            Field(row.Action),
            Field(row.Operation),
            Field(row.EntityType),
            Field(row.EntityId),
            Field(row.PatientId),
            Field(row.Account),
            Field(row.ClientAddress),
            Field(row.Outcome));
        var content = Encoding.UTF8.GetBytes(canonical);
        var input = new byte[row.PreviousHash.Length + content.Length];
        row.PreviousHash.CopyTo(input, 0);
        content.CopyTo(input, row.PreviousHash.Length);
        return SHA256.HashData(input);
    }

    private static long Microseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static string Field(Guid? value) => Field(value?.ToString("D"));

    private static string Field(string? value) =>
        value is null ? "~" : $"{Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)}:{value}";
}
