using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Knots;

/// <summary>
/// Where a knot is, the way it is tracked across visits and episodes (FHIR BodyStructure): the
/// patient's muscle, side and third. Two visits charting the same three are the same knot.
/// </summary>
public readonly record struct KnotSiteKey(string MuscleCode, BodySide Side, MuscleZone Zone);

/// <summary>
/// What one signed visit said about one tracked site: present (with how it presented) or absent. A
/// visit that did not palpate the site says nothing, and has no observation: "not assessed" is a
/// gap, never an absence.
/// </summary>
/// <param name="AssessmentId">The visit's assessment the observation is part of.</param>
/// <param name="VisitedOn">The visit's date in the clinic's calendar: days are counted between these.</param>
public sealed record KnotObservation(
    Guid AssessmentId,
    DateTimeOffset VisitStartsAt,
    DateOnly VisitedOn,
    bool IsPresent,
    int? Tenderness,
    int? SizeMm,
    bool IsActive,
    bool RefersPain)
{
    public static KnotObservation Present(Guid assessmentId, DateTimeOffset startsAt, DateOnly visitedOn, int tenderness, int? sizeMm = null, bool isActive = true, bool refersPain = false) =>
        new(assessmentId, startsAt, visitedOn, true, tenderness, sizeMm, isActive, refersPain);

    public static KnotObservation Absent(Guid assessmentId, DateTimeOffset startsAt, DateOnly visitedOn) =>
        new(assessmentId, startsAt, visitedOn, false, null, null, false, false);
}
