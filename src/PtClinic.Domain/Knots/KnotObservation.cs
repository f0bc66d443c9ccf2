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
public sealed record KnotObservation(
    Guid VisitId,
    Guid EpisodeId,
    DateTimeOffset VisitStartsAt,
    DateOnly VisitedOn,
    bool IsPresent,
    int? Tenderness,
    int? SizeMm,
    bool IsActive,
    bool RefersPain)
{
    public static KnotObservation Present(Guid visitId, Guid episodeId, DateTimeOffset startsAt, DateOnly visitedOn, int tenderness, int? sizeMm = null, bool isActive = true, bool refersPain = false) =>
        new(visitId, episodeId, startsAt, visitedOn, true, tenderness, sizeMm, isActive, refersPain);

    public static KnotObservation Absent(Guid visitId, Guid episodeId, DateTimeOffset startsAt, DateOnly visitedOn) =>
        new(visitId, episodeId, startsAt, visitedOn, false, null, null, false, false);
}
