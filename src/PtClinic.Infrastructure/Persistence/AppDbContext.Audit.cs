using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Audit;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>A command's audit row, added to the save that writes the command's changes.</summary>
public sealed partial class AppDbContext
{
    // Set per rent like the user: the scope's running command, if any.
    private AuditScope? _audit;

    /// <summary>Where this context finds the command whose changes it saves (the operation's scope).</summary>
    public AppDbContext AuditingTo(AuditScope audit)
    {
        _audit = audit;
        return this;
    }

    /// <summary>
    /// Adds the running command's row, once, to the first save that changes something: what was
    /// created (or else the record the command named), how (create, update, delete) and whose
    /// record it is, read from the tracked entities.
    /// </summary>
    /// <returns>Whether this save carries the command's audit row.</returns>
    private bool AddCommandAuditRow()
    {
        if (_audit is null || !ChangeTracker.HasChanges() || _audit.TakePending() is not { } entry)
        {
            return false;
        }

        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEvent)
            .ToList();
        var created = changed.FirstOrDefault(e => e.State == EntityState.Added && IdOf(e.Entity) is not null);
        var deleted = changed.FirstOrDefault(e => e.State == EntityState.Deleted && IdOf(e.Entity) is not null);
        var record = created ?? (entry.EntityType is null ? changed.FirstOrDefault(e => IdOf(e.Entity) is not null) : null) ?? deleted;
        var action = created is not null ? AuditActions.Create
            : deleted is not null && changed.All(e => e.State == EntityState.Deleted) ? AuditActions.Delete
            : AuditActions.Update;

        AuditEvents.Add(AuditEvent.Record(entry with
        {
            Action = action,
            EntityType = record is null ? entry.EntityType : record.Metadata.ClrType.Name,
            EntityId = record is null ? entry.EntityId : IdOf(record.Entity),
            PatientId = entry.PatientId ?? PatientOfTrackedRecords(),
        }));
        _audit.MarkWritten();
        return true;
    }

    private Guid? PatientOfTrackedRecords()
    {
        foreach (var tracked in ChangeTracker.Entries())
        {
            if (tracked.Entity is Patient patient)
            {
                return patient.Id;
            }

            if (tracked.Metadata.FindProperty("PatientId") is { } property
                && tracked.Property(property.Name).CurrentValue is Guid patientId)
            {
                return patientId;
            }
        }

        return null;
    }

    private static Guid? IdOf(object entity) => entity switch
    {
        AuditEvent => null,
        ITenantOwned or AggregateRoot when entity.GetType().GetProperty("Id")?.GetValue(entity) is Guid id => id,
        _ => null,
    };
}
