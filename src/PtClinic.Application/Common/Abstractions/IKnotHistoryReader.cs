using PtClinic.Domain.Knots;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// A patient's knot finding and absence rows, one entry per site and table with its rows as
/// parallel arrays: PostgreSQL's array aggregates send a long history as a few dozen rows instead of
/// thousands, which the Application layer cannot name, so Infrastructure implements it. Read
/// through the operation's own context: the clinic's query filters apply.
/// </summary>
public interface IKnotHistoryReader
{
    /// <param name="unsignedAssessments">Assessments whose rows are left out: the patient's unsigned ones.</param>
    /// <param name="muscles">Only these muscles' sites; null: every site.</param>
    Task<IReadOnlyList<KnotSiteRows>> ReadAsync(
        Guid patientId, IReadOnlyCollection<Guid> unsignedAssessments, IReadOnlyCollection<string>? muscles, CancellationToken cancellationToken);
}

/// <summary>
/// One site's rows of one table, in no particular order; element i of each array is row i. The
/// finding columns are null for the absences.
/// </summary>
public sealed record KnotSiteRows(
    KnotSiteKey Site,
    Guid[] Assessments,
    DateTimeOffset[] StartsAt,
    int[]? Tenderness = null,
    int?[]? SizeMm = null,
    bool[]? IsActive = null,
    bool[]? RefersPain = null)
{
    public bool ArePresent => Tenderness is not null;
}
