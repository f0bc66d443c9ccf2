using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Audit;
using PtClinic.Domain.Audit;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Audit;

/// <summary>
/// Audit rows of their own: a context of their own too, so a row is never saved together with
/// (or instead of) changes the operation's context is still tracking.
/// </summary>
internal sealed class AuditLog(IDbContextFactory<AppDbContext> contexts, ICurrentUser currentUser) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ServingUser(currentUser).AuditEvents.Add(AuditEvent.Record(entry));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordReadAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ServingUser(currentUser);
        var patientId = entry.PatientId ?? entry.EntityType switch
        {
            "Episode" => await db.Episodes.Where(e => e.Id == entry.EntityId).Select(e => (Guid?)e.PatientId).SingleOrDefaultAsync(cancellationToken),
            "Visit" => await db.Visits.Where(v => v.Id == entry.EntityId).Select(v => (Guid?)v.PatientId).SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        db.AuditEvents.Add(AuditEvent.Record(entry with { PatientId = patientId }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
