using Mediator;
using PtClinic.Application.Common.Audit;
using PtClinic.Application.Common.Results;

namespace PtClinic.UnitTests.Architecture;

/// <summary>
/// Every query is either recorded as a read of a patient's record or listed, with a reason, as one
/// that is not: a new query cannot slip out of the audit trail by being forgotten.
/// </summary>
public sealed class AuditPolicyTests
{
    public static TheoryData<Type> Queries() => new(typeof(Result).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false }
                    && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>))));

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_query_says_whether_the_audit_trail_records_it(Type query)
    {
        var recorded = AuditPolicy.RecordReads.Contains(query);
        var unrecorded = AuditPolicy.UnrecordedReads.ContainsKey(query);

        (recorded ^ unrecorded).ShouldBeTrue(recorded
            ? $"{query.Name} is in both lists of AuditPolicy"
            : $"{query.Name} is in neither list of AuditPolicy: add it to RecordReads if it opens one patient's record, else to UnrecordedReads with the reason");
    }

    [Fact]
    public void Every_recorded_read_names_the_record_it_opens()
    {
        AuditPolicy.RecordReads.ShouldAllBe(query => query.GetProperties().Any(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && p.PropertyType == typeof(Guid)));
    }
}
