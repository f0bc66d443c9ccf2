using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Knots;

/// <summary>
/// A knot site tracked for a patient (FHIR BodyStructure) with its state as the signed visits leave
/// it. The state is a stored copy of <see cref="KnotHistory.Evaluate"/>, kept current in the
/// transaction that signs a note so lists can show it without reading every patient's history; it
/// is never edited, only replaced by what the history gives, and a rebuild gives the same.
/// </summary>
public sealed class KnotSite : ITenantOwned
{
    private KnotSite()
    {
        MuscleCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public string MuscleCode { get; private set; }

    public BodySide Side { get; private set; }

    public MuscleZone Zone { get; private set; }

    public KnotState State { get; private set; }

    public KnotFlags Flags { get; private set; }

    public int Assessments { get; private set; }

    public int RecurrenceCount { get; private set; }

    public int PresentInARow { get; private set; }

    public DateOnly FirstSeenOn { get; private set; }

    public DateOnly LastAssessedOn { get; private set; }

    public DateOnly? PresentSince { get; private set; }

    public DateOnly? LastResolvedOn { get; private set; }

    public int DaysPresent { get; private set; }

    public int? DaysToLastRecurrence { get; private set; }

    public int? LatestTenderness { get; private set; }

    public int TrendChange { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public KnotSiteKey Site => new(MuscleCode, Side, Zone);

    /// <summary>The stored state, as the track it was copied from: what a rebuild is compared with.</summary>
    public KnotTrack Track => new(
        Site, State, Flags, Assessments, RecurrenceCount, PresentInARow, FirstSeenOn, LastAssessedOn,
        PresentSince, LastResolvedOn, DaysPresent, DaysToLastRecurrence, LatestTenderness, TrendChange);

    public static KnotSite Start(Guid clinicId, Guid patientId, KnotTrack track, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(track);
        var site = new KnotSite
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            PatientId = patientId,
            MuscleCode = track.Site.MuscleCode,
            Side = track.Site.Side,
            Zone = track.Site.Zone,
        };
        site.Apply(track, at);
        return site;
    }

    /// <summary>Takes the state a newer evaluation of the same site gives; false when nothing changed.</summary>
    public bool Apply(KnotTrack track, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Site != Site)
        {
            throw new DomainException("That state belongs to another knot site.");
        }

        if (Assessments > 0 && track == Track)
        {
            return false;
        }

        State = track.State;
        Flags = track.Flags;
        Assessments = track.Assessments;
        RecurrenceCount = track.RecurrenceCount;
        PresentInARow = track.PresentInARow;
        FirstSeenOn = track.FirstSeenOn;
        LastAssessedOn = track.LastAssessedOn;
        PresentSince = track.PresentSince;
        LastResolvedOn = track.LastResolvedOn;
        DaysPresent = track.DaysPresent;
        DaysToLastRecurrence = track.DaysToLastRecurrence;
        LatestTenderness = track.LatestTenderness;
        TrendChange = track.TrendChange;
        UpdatedAt = at;
        return true;
    }
}
