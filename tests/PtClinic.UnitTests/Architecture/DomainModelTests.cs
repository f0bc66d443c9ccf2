using System.Reflection;
using PtClinic.Domain.Patients;

namespace PtClinic.UnitTests.Architecture;

/// <summary>Aggregates guard their own collections: what they expose, callers can read but not change.</summary>
public sealed class DomainModelTests
{
    private static readonly Type[] MutableCollections =
        [typeof(List<>), typeof(HashSet<>), typeof(Dictionary<,>), typeof(IList<>), typeof(ICollection<>), typeof(ISet<>), typeof(IDictionary<,>)];

    [Fact]
    public void No_domain_type_exposes_a_mutable_collection()
    {
        var exposed = typeof(Patient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => IsMutableCollection(p.PropertyType))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        exposed.ShouldBeEmpty();
    }

    // byte[] is how EF Core maps binary content (a logo's bytes), read as one value, not a collection.
    private static bool IsMutableCollection(Type type) =>
        (type.IsArray && type != typeof(byte[])) || (type.IsGenericType && MutableCollections.Contains(type.GetGenericTypeDefinition()));
}
