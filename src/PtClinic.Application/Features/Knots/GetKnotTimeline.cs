using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Knots;

/// <summary>
/// Every knot site of a patient across all their episodes: its state, flags and escalations, and
/// what each signed visit said about it (present with its tenderness, absent, or nothing: a gap).
/// Computed from the signed notes as the page opens, through the same rules the stored states come from.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetKnotTimelineQuery(Guid PatientId) : IQuery<Result<KnotTimelineDto>>;

/// <param name="Visits">The patient's signed visits that palpated any site, oldest first: the timeline's columns.</param>
/// <param name="Episodes">The episodes those visits belong to, oldest first: the boundaries drawn.</param>
public sealed record KnotTimelineDto(Guid PatientId, IReadOnlyList<KnotTimelineVisit> Visits, IReadOnlyList<KnotTimelineEpisode> Episodes, IReadOnlyList<KnotSiteTimeline> Sites);

public sealed record KnotTimelineVisit(Guid VisitId, Guid AssessmentId, Guid EpisodeId, DateOnly VisitedOn);

public sealed record KnotTimelineEpisode(Guid EpisodeId, string Complaint, DateOnly FirstVisitOn, DateOnly LastVisitOn);

/// <summary>A site and, per visit column that assessed it, what was found. A visit with no point did not palpate it.</summary>
public sealed record KnotSiteTimeline(KnotSiteDto Site, IReadOnlyList<KnotTimelinePoint> Points);

public sealed record KnotTimelinePoint(Guid AssessmentId, DateOnly VisitedOn, bool IsPresent, int? Tenderness, bool IsActive);

/// <summary>A tracked site as every list shows it: where, its state, why it is flagged and what that calls for.</summary>
public sealed record KnotSiteDto(
    string MuscleCode,
    string MuscleName,
    BodySide Side,
    MuscleZone Zone,
    KnotState State,
    KnotFlags Flags,
    IReadOnlyList<string> FlagReasons,
    IReadOnlyList<string> Escalations,
    int Assessments,
    int RecurrenceCount,
    int DaysPresent,
    int? DaysSinceLastResolution,
    int? LatestTenderness,
    DateOnly FirstSeenOn,
    DateOnly LastAssessedOn)
{
    public bool IsFlagged => Flags != KnotFlags.None;

    public KnotSiteKey Key => new(MuscleCode, Side, Zone);
}

public sealed class GetKnotTimelineValidator : AbstractValidator<GetKnotTimelineQuery>
{
    public GetKnotTimelineValidator()
    {
        RuleFor(q => q.PatientId).Identifies("patient");
    }
}

public sealed class GetKnotTimelineHandler(IAppDbContext db, IKnotHistoryReader reader, ClinicClock clock) : IQueryHandler<GetKnotTimelineQuery, Result<KnotTimelineDto>>
{
    public async ValueTask<Result<KnotTimelineDto>> Handle(GetKnotTimelineQuery query, CancellationToken cancellationToken)
    {
        // Three statements: the patient with their safety facts, their assessments with each
        // episode's complaint, the signed knot rows.
        var safety = await db.PatientSafetyContextAsync(query.PatientId, cancellationToken);
        if (safety is null)
        {
            return Error.NotFound("Patient");
        }

        var calendar = await clock.CalendarAsync(cancellationToken);
        var assessments = await (
                from a in db.VisitAssessments
                join e in db.Episodes on a.EpisodeId equals e.Id
                where a.PatientId == query.PatientId
                select new { a.Id, a.VisitId, a.EpisodeId, a.VisitStartsAt, IsSigned = a.FrozenAt != null, e.ChiefComplaint })
            .ToListAsync(cancellationToken);
        var history = await reader.SignedHistoryAsync(
            query.PatientId, [.. assessments.Where(a => !a.IsSigned).Select(a => a.Id)], calendar, muscles: null, cancellationToken);

        var palpated = history.Select(h => h.Observation.AssessmentId).ToHashSet();
        var signed = assessments.Where(a => a.IsSigned && palpated.Contains(a.Id)).OrderBy(a => a.VisitStartsAt).ToList();
        var visits = signed.Select(a => new KnotTimelineVisit(a.VisitId, a.Id, a.EpisodeId, calendar.DateOf(a.VisitStartsAt))).ToList();
        var complaints = signed.DistinctBy(a => a.EpisodeId).ToDictionary(a => a.EpisodeId, a => a.ChiefComplaint);
        var episodes = visits.GroupBy(v => v.EpisodeId)
            .Select(g => new KnotTimelineEpisode(g.Key, complaints[g.Key], g.First().VisitedOn, g.Last().VisitedOn))
            .ToList();

        var describe = KnotSites.Describer(safety, await clock.TodayAsync(cancellationToken));
        var sites = history.GroupBy(h => h.Site, h => h.Observation)
            .Select(g => (Track: KnotHistory.Evaluate(g.Key, g), Points: g.OrderBy(o => o.VisitStartsAt).ToList()))
            .Where(s => s.Track is not null)
            .Select(s => new KnotSiteTimeline(
                describe(s.Track!),
                [.. s.Points.Select(o => new KnotTimelinePoint(o.AssessmentId, o.VisitedOn, o.IsPresent, o.Tenderness, o.IsActive))]))
            .OrderBy(s => KnotSites.Order(s.Site))
            .ToList();
        return new KnotTimelineDto(query.PatientId, visits, episodes, sites);
    }
}

/// <summary>How knot sites are put into words and order for every page that lists them.</summary>
internal static class KnotSites
{
    private static readonly Dictionary<string, Muscle> Muscles = MuscleCatalog.All.ToDictionary(m => m.Code);

    /// <summary>"Left biceps femoris (long head), middle third".</summary>
    public static string Name(KnotSiteKey site) =>
        $"{site.Side} {(Muscles.TryGetValue(site.MuscleCode, out var m) ? Lower(m.Name) : site.MuscleCode)}, {Zone(site.Zone)}";

    public static string Zone(MuscleZone zone) => zone switch
    {
        MuscleZone.ProximalThird => "upper third",
        MuscleZone.MiddleThird => "middle third",
        MuscleZone.DistalThird => "lower third",
        _ => zone.ToString(),
    };

    /// <summary>
    /// The stored flagged sites of each patient given, one query whatever their number (the Today
    /// list asks for a whole day); a patient without any has an empty list.
    /// </summary>
    public static async Task<ILookup<Guid, FlaggedKnotDto>> FlaggedKnotsAsync(this IAppDbContext db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        var flagged = await db.KnotSites.AsNoTracking()
            .Where(s => patientIds.Contains(s.PatientId) && s.Flags != KnotFlags.None)
            .ToListAsync(cancellationToken);
        return flagged
            .OrderBy(s => Muscles.TryGetValue(s.MuscleCode, out var m) ? m.SortOrder : int.MaxValue).ThenBy(s => s.Side).ThenBy(s => s.Zone)
            .ToLookup(s => s.PatientId, s => new FlaggedKnotDto(Name(s.Site), s.State, KnotRules.Describe(s.Track)));
    }

    /// <summary>"Dry needling is blocked: the patient takes anticoagulants." → "the patient takes anticoagulants".</summary>
    private static string Reason(string message) =>
        (message.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? message[(at + 2)..] : message).TrimEnd('.');

    /// <summary>The patient's flagged sites as the plan-of-care suggestions take them.</summary>
    public static async Task<IReadOnlyList<Domain.Plans.FlaggedKnot>> FlaggedKnotsForPlanAsync(this IAppDbContext db, Guid patientId, CancellationToken cancellationToken) =>
        [.. (await db.KnotSites.AsNoTracking().Where(s => s.PatientId == patientId && s.Flags != KnotFlags.None).ToListAsync(cancellationToken))
            .Select(s => new Domain.Plans.FlaggedKnot(s.MuscleCode, Muscles.TryGetValue(s.MuscleCode, out var m) ? m.Name : s.MuscleCode, s.Side, s.Zone, KnotRules.Describe(s.Track)))];

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Flagged first, then present before resolved, then down the body chart's muscle order.</summary>
    public static (int, int, int, BodySide, MuscleZone) Order(KnotSiteDto site) =>
        (site.IsFlagged ? 0 : 1, site.State == KnotState.Resolved ? 1 : 0, Muscles.TryGetValue(site.MuscleCode, out var m) ? m.SortOrder : int.MaxValue, site.Side, site.Zone);

    /// <summary>
    /// Words a track for a patient: the flag reasons, and the escalations with dry needling only
    /// where the safety rules let this patient have it (otherwise the reason it is not an option).
    /// </summary>
    public static async Task<Func<KnotTrack, KnotSiteDto>> KnotDescriberAsync(this IAppDbContext db, Guid patientId, ClinicClock clock, CancellationToken cancellationToken)
    {
        var safety = await db.PatientSafetyContextAsync(patientId, cancellationToken)
            ?? throw new InvalidOperationException($"Patient {patientId} is not in this clinic.");
        return Describer(safety, await clock.TodayAsync(cancellationToken));
    }

    /// <inheritdoc cref="KnotDescriberAsync"/>
    public static Func<KnotTrack, KnotSiteDto> Describer(SafetyContext safety, DateOnly today)
    {
        var needling = SafetyRules.Check(InterventionCatalog.Find(InterventionCatalog.DryNeedling)!, safety);
        return track => Describe(track, needling, today);
    }

    public static KnotSiteDto Describe(KnotTrack track, SafetyVerdict needling, DateOnly today) => new(
        track.Site.MuscleCode,
        Muscles.TryGetValue(track.Site.MuscleCode, out var m) ? m.Name : track.Site.MuscleCode,
        track.Site.Side,
        track.Site.Zone,
        track.State,
        track.Flags,
        KnotRules.Describe(track),
        [.. track.Escalations.Select(e => e == KnotEscalation.DryNeedling && needling.Blocking.FirstOrDefault() is { } block
            ? $"dry needling, not possible now: {Reason(block.Message)}"
            : KnotRules.Describe(e))],
        track.Assessments,
        track.RecurrenceCount,
        track.DaysPresent,
        track.DaysSinceLastResolution(today),
        track.LatestTenderness,
        track.FirstSeenOn,
        track.LastAssessedOn);
}
