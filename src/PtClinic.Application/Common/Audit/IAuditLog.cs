using PtClinic.Domain.Audit;

namespace PtClinic.Application.Common.Audit;

/// <summary>
/// Writes audit rows that are not part of a change: reads, refusals and sign-ins, each in a
/// transaction of its own. A change's row is written by the save that makes the change (the
/// operation's <see cref="AuditScope"/>), so one never commits without the other.
/// </summary>
public interface IAuditLog
{
    /// <summary>Writes the row now; throws if it cannot, so a read is never served unrecorded.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// A successful read of <paramref name="entityType"/> <paramref name="entityId"/>; the patient is
    /// looked up from the record when the query named an episode or a visit.
    /// </summary>
    Task RecordReadAsync(AuditEntry entry, CancellationToken cancellationToken);
}
