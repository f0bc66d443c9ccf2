using Bogus;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Visits;

namespace PtClinic.Benchmarks;

internal sealed record EpisodeRow(
    Guid Id, Guid ClinicId, Guid PatientId, Guid TherapistId, string Complaint, BodyRegion Region, BodySide Side,
    DateOnly OnsetDate, EpisodeStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? DischargedAt);

internal sealed record VisitRow(
    Guid Id, Guid ClinicId, Guid PatientId, Guid EpisodeId, Guid TherapistId, DateTimeOffset StartsAt, VisitType Type, VisitStatus Status);

/// <summary>A visit's assessment and note; <see cref="SignedAt"/> null for a draft.</summary>
internal sealed record ChartRow(
    Guid AssessmentId, Guid NoteId, Guid ClinicId, Guid VisitId, Guid EpisodeId, Guid PatientId, Guid TherapistId,
    DateTimeOffset VisitStartsAt, DateTimeOffset? SignedAt, string FindingsJson);

internal sealed record FindingRow(
    Guid Id, Guid ClinicId, Guid AssessmentId, Guid PatientId, DateTimeOffset VisitStartsAt, KnotSiteKey Site,
    int Tenderness, int? SizeMm, bool IsActive, string[] ReferredPain);

internal sealed record AbsenceRow(Guid Id, Guid ClinicId, Guid AssessmentId, Guid PatientId, DateTimeOffset VisitStartsAt, KnotSiteKey Site);

/// <summary>
/// Reproducible charts with knots: episodes of visits, each signed visit palpating the patient's
/// tracked sites (present with a tenderness that drifts, or absent; a site is skipped now and then,
/// which is a gap), knots that resolve and come back. The same seed gives the same histories; the
/// stored state of every site (<c>knot_sites</c>) is what <see cref="KnotHistory.EvaluateAll"/>
/// makes of its signed history, as a rebuild would.
/// </summary>
internal sealed class KnotHistories(int seed, ClinicCalendar calendar)
{
    /// <summary>A visit palpates each tracked site with this chance; otherwise the site has a gap there.</summary>
    private const double PalpatedChance = 0.85;

    private const double ResolvesChance = 0.06;

    /// <summary>A knot down to a tenderness of 1 or 2 is soon gone.</summary>
    private const double ResolvesWhenMildChance = 0.4;

    private const double ComesBackChance = 0.06;

    private static readonly string[] Complaints =
    [
        "Low back pain after lifting, radiating to the left thigh",
        "Posterior thigh tightness after sprinting",
        "Hip pain on stairs and getting out of the car",
        "Calf cramps and tightness when running uphill",
        "Buttock pain sitting at the desk, worse in the afternoon",
    ];

    private static readonly string[] ReferralAreas = ["PosteriorThigh", "Buttock", "LowerBack", "LowerLeg"];

    private static readonly string[] RedFlags = ["Numbness", "NightPain", "Weakness"];

    private readonly Randomizer _random = new(seed);

    public List<EpisodeRow> Episodes { get; } = [];

    public List<VisitRow> Visits { get; } = [];

    public List<ChartRow> Charts { get; } = [];

    public List<FindingRow> Findings { get; } = [];

    public List<AbsenceRow> Absences { get; } = [];

    private readonly Dictionary<Guid, List<(KnotSiteKey Site, KnotObservation Observation)>> _signed = [];

    private readonly Dictionary<Guid, IReadOnlyList<KnotSite>> _states = [];

    /// <summary>Every patient's stored site states.</summary>
    public IEnumerable<KnotSite> Sites => _states.Values.SelectMany(s => s);

    /// <summary>Every site the body chart can track: muscle, side, third.</summary>
    public static IReadOnlyList<KnotSiteKey> AllSites { get; } =
    [
        .. from m in MuscleCatalog.All
           from side in new[] { BodySide.Left, BodySide.Right }
           from zone in Enum.GetValues<MuscleZone>()
           select new KnotSiteKey(m.Code, side, zone),
    ];

    /// <summary><paramref name="count"/> different sites, drawn with the seed.</summary>
    public KnotSiteKey[] PickSites(int count) => [.. _random.Shuffle(AllSites).Take(count)];

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Int(0, items.Count - 1)];

    public int Int(int min, int max) => _random.Int(min, max);

    /// <summary>
    /// A patient's history: <paramref name="episodeSizes"/> episodes in turn (the last one still
    /// open when <paramref name="lastOpen"/>), visits two to seven days apart and months between
    /// episodes, ending before <paramref name="endBefore"/>. Each site is first found at a visit
    /// early on and then followed at every visit. With <paramref name="draftAtEnd"/> the last visit
    /// is checked in with an unsigned note that already charts its knots. Returns the latest
    /// episode and the sites' courses, for a visit today.
    /// </summary>
    public (EpisodeRow Episode, Courses Knots) History(
        Guid clinicId, Guid patientId, IReadOnlyList<Guid> therapists, KnotSiteKey[] sites, int[] episodeSizes,
        DateOnly endBefore, bool lastOpen, bool draftAtEnd)
    {
        var total = episodeSizes.Sum();
        // The calendar first (two to seven days between visits, one to four months between
        // episodes), laid out so the last visit falls the day before endBefore at the latest.
        var gaps = episodeSizes.Select(size => Enumerable.Range(0, size).Select(_ => _random.Int(2, 7)).ToArray()).ToArray();
        var pauses = episodeSizes.Select(_ => _random.Int(30, 120)).ToArray();
        var day = endBefore.AddDays(-1 - gaps.Sum(g => g.Sum() - g[^1]) - pauses[..^1].Sum());
        var knots = new Courses([.. sites.Select(s => new SiteCourse(s, _random.Int(0, Math.Max(0, Math.Min(total / 5, 60)))))]);
        var visitNumber = 0;
        EpisodeRow? episode = null;
        for (var e = 0; e < episodeSizes.Length; e++)
        {
            var open = lastOpen && e == episodeSizes.Length - 1;
            var therapistId = Pick(therapists);
            var openedAt = calendar.ToInstant(day, new TimeOnly(8, 0));
            var lastDay = day;
            var visits = new List<VisitRow>();
            for (var v = 0; v < episodeSizes[e]; v++, visitNumber++)
            {
                var startsAt = calendar.ToInstant(day, new TimeOnly(_random.Int(8, 17), _random.Bool() ? 0 : 30));
                var draft = draftAtEnd && visitNumber == total - 1;
                var visit = new VisitRow(
                    Guid.CreateVersion7(startsAt), clinicId, patientId, Guid.Empty, therapistId, startsAt,
                    v == 0 ? VisitType.InitialEvaluation : VisitType.FollowUp, draft ? VisitStatus.CheckedIn : VisitStatus.Completed);
                visits.Add(visit);
                Chart(visit, knots, signed: !draft);
                lastDay = day;
                if (v < episodeSizes[e] - 1)
                {
                    day = day.AddDays(gaps[e][v]);
                }
            }

            var dischargedAt = open ? (DateTimeOffset?)null : calendar.ToInstant(lastDay, new TimeOnly(18, 0));
            episode = new EpisodeRow(
                Guid.CreateVersion7(openedAt), clinicId, patientId, therapistId, Pick(Complaints), BodyRegion.PosteriorThigh,
                BodySide.Left, DateOnly.FromDateTime(openedAt.UtcDateTime).AddDays(-_random.Int(10, 60)), open ? EpisodeStatus.Active : EpisodeStatus.Discharged, openedAt, dischargedAt);
            Episodes.Add(episode);
            AttachVisits(episode, visits);
            day = day.AddDays(pauses[e]);
        }

        StoreStates(clinicId, patientId);
        return (episode!, knots);
    }

    /// <summary>A visit on the day's schedule in an open episode: checked in with a draft, signed, or only scheduled.</summary>
    public void VisitToday(EpisodeRow episode, Courses knots, Guid therapistId, DateTimeOffset startsAt, VisitStatus status)
    {
        var visit = new VisitRow(
            Guid.CreateVersion7(startsAt), episode.ClinicId, episode.PatientId, episode.Id, therapistId, startsAt, VisitType.FollowUp, status);
        Visits.Add(visit);
        if (status != VisitStatus.Scheduled)
        {
            // Today's palpation of the tracked sites; only a signed one changes the stored states.
            Chart(visit, knots, signed: status == VisitStatus.Completed);
            StoreStates(episode.ClinicId, episode.PatientId);
        }
    }

    private void AttachVisits(EpisodeRow episode, List<VisitRow> visits)
    {
        var ids = visits.Select(v => v.Id).ToHashSet();
        Visits.AddRange(visits.Select(v => v with { EpisodeId = episode.Id }));
        for (var i = Charts.Count - 1; i >= 0 && ids.Contains(Charts[i].VisitId); i--)
        {
            Charts[i] = Charts[i] with { EpisodeId = episode.Id };
        }
    }

    private void Chart(VisitRow visit, Courses courses, bool signed)
    {
        var assessmentId = Guid.CreateVersion7(visit.StartsAt);
        var signedAt = signed ? visit.StartsAt.AddMinutes(50) : (DateTimeOffset?)null;
        var pain = _random.Int(1, 8);
        var redFlag = _random.Int(0, 49) == 0 ? $""","redFlags":["{Pick(RedFlags)}"]""" : "";
        var findings = $$"""{"pain":{"now":{{pain}},"best24Hours":{{Math.Max(0, pain - 2)}},"worst24Hours":{{Math.Min(10, pain + 2)}}}{{redFlag}}}""";
        Charts.Add(new ChartRow(
            assessmentId, Guid.CreateVersion7(visit.StartsAt), visit.ClinicId, visit.Id, visit.EpisodeId, visit.PatientId,
            visit.TherapistId, visit.StartsAt, signedAt, findings));
        if (!_signed.TryGetValue(visit.PatientId, out var history))
        {
            _signed[visit.PatientId] = history = [];
        }

        var on = calendar.DateOf(visit.StartsAt);
        foreach (var knot in courses.Sites)
        {
            if (knot.FirstVisit > 0)
            {
                knot.FirstVisit--;
                continue;
            }

            if (knot.Seen && _random.Double() > PalpatedChance)
            {
                continue; // not palpated this time: a gap, not an absence
            }

            knot.Step(_random);
            if (knot.Present)
            {
                var f = new FindingRow(
                    Guid.CreateVersion7(visit.StartsAt), visit.ClinicId, assessmentId, visit.PatientId, visit.StartsAt, knot.Site,
                    knot.Tenderness, _random.Int(0, 2) == 0 ? null : _random.Int(4, 25), _random.Int(0, 3) != 0,
                    _random.Int(0, 3) == 0 ? [Pick(ReferralAreas)] : []);
                Findings.Add(f);
                if (signed)
                {
                    history.Add((f.Site, KnotObservation.Present(assessmentId, visit.StartsAt, on, f.Tenderness, f.SizeMm, f.IsActive, f.ReferredPain.Length > 0)));
                }
            }
            else
            {
                Absences.Add(new AbsenceRow(Guid.CreateVersion7(visit.StartsAt), visit.ClinicId, assessmentId, visit.PatientId, visit.StartsAt, knot.Site));
                if (signed)
                {
                    history.Add((knot.Site, KnotObservation.Absent(assessmentId, visit.StartsAt, on)));
                }
            }
        }
    }

    /// <summary>The patient's stored site states: their signed history evaluated by the domain, as the rebuild does.</summary>
    private void StoreStates(Guid clinicId, Guid patientId)
    {
        var at = DateTimeOffset.UtcNow;
        _states[patientId] = [.. KnotHistory.EvaluateAll(_signed.GetValueOrDefault(patientId) ?? []).Select(track => KnotSite.Start(clinicId, patientId, track, at))];
    }

    /// <summary>A patient's tracked sites as their visits go on.</summary>
    internal sealed class Courses(IReadOnlyList<SiteCourse> sites)
    {
        public IReadOnlyList<SiteCourse> Sites { get; } = sites;
    }

    /// <summary>One site across the visits: present (tenderness drifting a point at a time) or gone, and back.</summary>
    internal sealed class SiteCourse(KnotSiteKey site, int firstVisit)
    {
        public KnotSiteKey Site { get; } = site;

        /// <summary>Visits to go before the knot is first found.</summary>
        public int FirstVisit { get; set; } = firstVisit;

        public bool Seen { get; private set; }

        public bool Present { get; private set; }

        public int Tenderness { get; private set; }

        public void Step(Randomizer random)
        {
            if (!Seen)
            {
                (Seen, Present, Tenderness) = (true, true, random.Int(3, 8));
            }
            else if (Present && random.Double() < (Tenderness <= 2 ? ResolvesWhenMildChance : ResolvesChance))
            {
                Present = false;
            }
            else if (!Present && random.Double() < ComesBackChance)
            {
                (Present, Tenderness) = (true, random.Int(3, 8));
            }
            else if (Present)
            {
                // Treatment works more often than not: down a point 45 times in 100, up 15.
                var roll = random.Int(0, 99);
                Tenderness = Math.Clamp(Tenderness + (roll < 45 ? -1 : roll < 85 ? 0 : 1), 1, 10);
            }
        }
    }
}
