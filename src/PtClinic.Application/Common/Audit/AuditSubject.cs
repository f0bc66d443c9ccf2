using System.Collections.Concurrent;
using System.Reflection;

namespace PtClinic.Application.Common.Audit;

/// <summary>
/// The record a message names, read from its id properties by convention: <c>PatientId</c>,
/// <c>EpisodeId</c>, <c>VisitId</c>, <c>StaffMemberId</c> (the first one it has, in that order) gives
/// the entity type (the name without "Id") and the id. A command that creates a record names it
/// through its save instead.
/// </summary>
public sealed record AuditSubject(string EntityType, Guid EntityId, Guid? PatientId)
{
    private static readonly string[] IdProperties = ["PatientId", "EpisodeId", "VisitId", "StaffMemberId"];

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> SubjectProperty = new();

    public static AuditSubject? Of(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var property = SubjectProperty.GetOrAdd(message.GetType(), type => IdProperties
            .Select(name => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance))
            .FirstOrDefault(p => p is not null && p.PropertyType == typeof(Guid)));
        if (property is null)
        {
            return null;
        }

        var id = (Guid)property.GetValue(message)!;
        var entityType = property.Name[..^2];
        return new AuditSubject(entityType, id, entityType == "Patient" ? id : null);
    }
}
