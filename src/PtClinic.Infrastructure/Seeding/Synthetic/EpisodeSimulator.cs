using System.Globalization;
using Bogus;
using Bogus.DataSets;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>A clinic the episodes go to, with its therapists and its share of the episodes.</summary>
public sealed record ClinicTarget(Guid Id, string Name, bool IsDemo, IReadOnlyList<Therapist> Therapists, double Weight);

/// <summary>
/// Patients and their episodes of care, one patient at a time, as a clinic lives them:
/// <list type="bullet">
/// <item>Episodes opened across the months (a little busier lately), by body region; onset weeks to
/// months before (acute, subacute, chronic). Some patients come back with a second episode.</item>
/// <item>Visits two or three a week at first, then weekly: a skewed count (median about 9), about
/// 8 % no-shows and 5 % cancellations (some patients miss more), now and then covered by another
/// therapist; types Initial evaluation, Follow-up, Progress note every tenth, Discharge.</item>
/// <item>Discharge: goals met (most), plateau or referred on, stopped attending (short episodes, no
/// discharge visit, no discharge scores), other; the rest still active or on hold.</item>
/// <item>Charting: notes signed within hours (a few late, a few never while the episode is open), each
/// with its assessment; NPRS and LEFS or ODI (by region), PSFS for half, at baseline, progress and
/// discharge, improving with noise (less for chronic cases, a little by therapist); root causes
/// confirmed from findings the rules recognise; knots that settle, resolve and come back; a signed
/// plan of care, re-certified on time mostly; what was performed at each visit, and dry needling
/// with a low rate of adverse events.</item>
/// </list>
/// </summary>
internal sealed class EpisodeSimulator
{
    private static readonly ClinicCalendar Calendar = ClinicCalendar.For("Europe/London");

    private static readonly (string Locale, double Weight)[] Locales =
        [("en_GB", 45), ("en_US", 8), ("en_IE", 6), ("de", 8), ("fr", 7), ("es", 7), ("it", 6), ("pl", 7), ("nl", 3), ("pt_BR", 3)];

    private static readonly IReadOnlyList<(DischargeReason Reason, double Weight)> DischargeReasons =
        [(DischargeReason.GoalsMet, 60), (DischargeReason.PlateauOrReferredOn, 12), (DischargeReason.StoppedAttending, 21), (DischargeReason.Other, 7)];

    private static readonly IReadOnlyList<(int Days, double Weight)> RecertificationDays = [(30, 20), (60, 30), (90, 50)];

    private static readonly MuscleZone[] Zones = Enum.GetValues<MuscleZone>();

    private readonly Chance _chance;
    private readonly Faker[] _fakers;
    private readonly IReadOnlyList<ClinicTarget> _clinics;
    private readonly JsonColumns _json;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly int _months;
    private readonly Func<string> _nextMrn;
    private readonly HashSet<Guid> _lapsed = [];
    private readonly bool _bookAhead;
    private readonly IReadOnlyList<(string Given, string Family)> _reservedNames;

    /// <param name="bookAhead">Whether an open episode has its next visits booked after <paramref name="now"/>;
    /// not for the demo clinic's history, whose today the demo seeder books.</param>
    /// <param name="reservedNames">Names no patient is given: the hand-written demo patients', whom searches must find alone.</param>
    public EpisodeSimulator(
        int seed, IReadOnlyList<ClinicTarget> clinics, JsonColumns json, DateTimeOffset now, int months, Func<string> nextMrn,
        bool bookAhead = true, IReadOnlyList<(string Given, string Family)>? reservedNames = null)
    {
        _bookAhead = bookAhead;
        _reservedNames = reservedNames ?? [];
        _chance = new Chance(seed);
        _fakers = [.. Locales.Select((l, i) => new Faker(l.Locale) { Random = new Randomizer(seed * 397 + i) })];
        _clinics = clinics;
        _json = json;
        _now = now;
        _today = Calendar.DateOf(now);
        _months = months;
        _nextMrn = nextMrn;
    }

    public static ClinicCalendar ClinicCalendar => Calendar;

    /// <summary>Patients until <paramref name="episodes"/> episodes are made (a returning patient's two count as two).</summary>
    public Batch Next(int episodes)
    {
        var batch = new Batch();
        var made = 0;
        while (made < episodes)
        {
            made += Patient(batch, Math.Min(episodes - made, _chance.Percent(12) ? 2 : 1));
        }

        return batch;
    }

    private int Patient(Batch batch, int episodeCount)
    {
        var clinic = _chance.Pick(_clinics.Select(c => (c, c.Weight)).ToList());
        var firstOpened = OpenedOn();
        var patient = NewPatient(clinic, firstOpened);
        batch.Patients.Add(patient);
        var knots = new List<(KnotSiteKey Site, KnotObservation Observation)>();
        var courses = new Dictionary<KnotSiteKey, SiteCourse>();
        var noShowRate = Math.Clamp(_chance.LogNormal(6.5, 0.6), 1, 40);
        var opened = firstOpened;
        var needlingConsent = false;
        var made = 0;
        while (made < episodeCount)
        {
            var end = Episode(batch, clinic, patient, opened, noShowRate, courses, knots, ref needlingConsent);
            made++;
            // Back months later, if that is still before today; otherwise one episode is all there is.
            if (end is not { } last || last.AddDays(60) >= _today)
            {
                break;
            }

            opened = last.AddDays(_chance.Int(60, 300));
            if (opened >= _today)
            {
                break;
            }
        }

        // The patient's stored knot states: their signed history evaluated by the domain, as the app's rebuild does.
        foreach (var track in KnotHistory.EvaluateAll(knots))
        {
            batch.KnotSites.Add(new KnotSiteRow(_chance.Id(_now), KnotSite.Start(clinic.Id, patient.Id, track, _now)));
        }

        return made;
    }

    /// <summary>A date in the last months, a little more likely lately (a growing clinic).</summary>
    private DateOnly OpenedOn()
    {
        var span = (_today.DayNumber - _today.AddMonths(-_months).DayNumber);
        var back = (int)(span * Math.Pow(_chance.Double(), 1.15));
        var day = _today.AddDays(-back);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(1) > _today ? day.AddDays(-1) : day.AddDays(1) : day;
    }

    private PatientRow NewPatient(ClinicTarget clinic, DateOnly firstVisit)
    {
        var faker = _chance.Pick(_fakers.Select((f, i) => (f, Locales[i].Weight)).ToList());
        var sex = _chance.Int(0, 99) switch { < 55 => Sex.Female, < 99 => Sex.Male, _ => Sex.Other };
        var gender = sex == Sex.Male ? Name.Gender.Male : Name.Gender.Female;
        var given = Clip(faker.Name.FirstName(gender), Domain.Patients.Patient.NameMaxLength);
        var family = Clip(faker.Name.LastName(gender), Domain.Patients.Patient.NameMaxLength);
        while (Reserved(given, family))
        {
            given = Clip(faker.Name.FirstName(gender), Domain.Patients.Patient.NameMaxLength);
            family = Clip(faker.Name.LastName(gender), Domain.Patients.Patient.NameMaxLength);
        }

        // Adults mostly, a bulge in middle age, some teenagers (sport) and older people.
        var age = (int)Math.Clamp(_chance.Normal(47, 17), 12, 94);
        var registeredAt = Calendar.ToInstant(firstVisit.AddDays(-_chance.Int(1, 14)), new TimeOnly(_chance.Int(9, 17), 0));
        var email = _chance.Percent(70)
            ? Clip($"{given}.{family}{_chance.Int(1, 99)}@example.org".Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), Domain.Patients.Patient.EmailMaxLength)
            : null;
        return new PatientRow(
            _chance.Id(registeredAt), clinic.Id, _nextMrn(), given, family,
            firstVisit.AddYears(-age).AddDays(-_chance.Int(0, 364)), sex,
            _chance.Percent(90) ? Clip(faker.Phone.PhoneNumber(), Domain.Patients.Patient.PhoneMaxLength) : null, email, registeredAt,
            Anticoagulants: _chance.Percent(age > 65 ? 12 : 2), BleedingDisorder: _chance.Percent(0.5), NeedlePhobia: _chance.Percent(6),
            _chance.Percent(75) ? _chance.Pick(Texts.Occupations) : null);
    }

    /// <summary>One episode from its first visit to now or its discharge; returns the day of its last visit, null if it is still open.</summary>
    private DateOnly? Episode(
        Batch batch, ClinicTarget clinic, PatientRow patient, DateOnly openedOn, double noShowRate,
        Dictionary<KnotSiteKey, SiteCourse> courses, List<(KnotSiteKey, KnotObservation)> signedKnots, ref bool needlingConsent)
    {
        var therapist = _chance.Pick(clinic.Therapists.Where(t => t.WorksOn(openedOn)).Select(t => (t, t.Weight)).ToList());
        var region = _chance.Pick(Texts.Regions);
        var side = region is BodyRegion.LowerBack ? _chance.Pick([BodySide.NotApplicable, BodySide.Bilateral, BodySide.Left, BodySide.Right])
            : region is BodyRegion.Other ? BodySide.Bilateral
            : _chance.Percent(50) ? BodySide.Left : BodySide.Right;
        // Chronicity: 45 % acute (under 6 weeks), 25 % subacute, 30 % chronic (over 3 months); a few unknown.
        var onsetDays = _chance.Int(0, 99) switch { < 45 => _chance.Int(2, 41), < 70 => _chance.Int(42, 90), < 97 => _chance.Int(91, 900), _ => -1 };
        var onset = onsetDays < 0 ? (DateOnly?)null : openedOn.AddDays(-onsetDays);
        var chronic = onsetDays > 90;
        var reason = therapist.Tends.StoppedAttending == 1 ? _chance.Pick(DischargeReasons)
            : _chance.Pick(DischargeReasons.Select(r => (r.Reason, r.Reason == DischargeReason.StoppedAttending ? r.Weight * therapist.Tends.StoppedAttending : r.Weight)).ToList());
        var attended = (int)Math.Clamp(Math.Round(_chance.LogNormal(9.5 * therapist.Tends.Visits, 0.55)), 1, 40);
        if (reason == DischargeReason.StoppedAttending)
        {
            attended = Math.Max(1, (int)(attended * (0.2 + 0.4 * _chance.Double())));
        }

        // How well this episode goes: most improve, some barely; chronic cases less, and a little by therapist.
        var response = Math.Clamp(_chance.Normal(0.62, 0.28) - (chronic ? 0.15 : 0) + therapist.Effect, -0.25, 1.05);
        if (reason == DischargeReason.PlateauOrReferredOn)
        {
            response = Math.Min(response, 0.25);
        }

        var measures = Measures(region);
        var baseline = measures.ToDictionary(m => m, m => Baseline(m, chronic));
        var activities = _chance.Sample(Texts.Activities(region), 3);
        var tracksKnots = _chance.Percent(72);
        var needles = tracksKnots && therapist.DryNeedles && _chance.Percent(45)
            && !patient.Anticoagulants && !patient.BleedingDisorder && !patient.NeedlePhobia;
        if (tracksKnots)
        {
            var muscles = Texts.Muscles(region);
            var count = _chance.Pick<int>([(1, 30), (2, 35), (3, 25), (4, 10)]);
            foreach (var muscle in _chance.Sample(muscles, count))
            {
                var siteSide = side is BodySide.Left or BodySide.Right ? side : _chance.Percent(50) ? BodySide.Left : BodySide.Right;
                var key = new KnotSiteKey(muscle, siteSide, _chance.Pick(Zones));
                if (!courses.ContainsKey(key))
                {
                    courses[key] = new SiteCourse(key, _chance.Percent(75) ? 0 : _chance.Int(1, 3));
                }
            }
        }

        var episodeSites = tracksKnots ? courses.Values.Where(c => Texts.Muscles(region).Contains(c.Site.MuscleCode)).ToList() : [];
        var openedAt = Calendar.ToInstant(openedOn, new TimeOnly(8, 0)).AddMinutes(-_chance.Int(30, 600));
        var episodeId = _chance.Id(openedAt);
        var complaint = _chance.Pick(Texts.Complaints(region));

        // The visits: from the first visit, until the planned number are attended or the calendar reaches now.
        var day = openedOn;
        var visitNumber = 0;
        var attendedSoFar = 0;
        var booked = 0;
        DateOnly lastAttended = openedOn;
        var plans = new List<PlanRow>();
        var onHold = false;
        var visits = new List<(VisitRow Visit, bool Charted)>();
        var decided = false;
        var firstNote = batch.Notes.Count;
        while (attendedSoFar < attended)
        {
            var startsAt = Calendar.ToInstant(day, new TimeOnly(_chance.Int(8, 18), _chance.Percent(50) ? 0 : 30));
            var future = startsAt > _now;
            if (future)
            {
                // An open episode has its next visit or two booked; an episode on hold has none.
                if (booked == 0 && _chance.Percent(5))
                {
                    onHold = true;
                }

                if (onHold || !_bookAhead || booked >= _chance.Int(1, 2))
                {
                    break;
                }

                booked++;
            }

            var first = visitNumber == 0;
            var status = future ? VisitStatus.Scheduled
                : first ? VisitStatus.Completed
                : _chance.Double() * 100 < noShowRate * therapist.Tends.NoShows ? VisitStatus.NoShow
                : _chance.Percent(5.5) ? VisitStatus.Cancelled
                : startsAt > _now.AddMinutes(-45) ? VisitStatus.CheckedIn
                : VisitStatus.Completed;
            var attends = status is VisitStatus.Completed or VisitStatus.CheckedIn;
            var lastPlanned = attendedSoFar == attended - 1;
            var type = first ? VisitType.InitialEvaluation
                : attends && lastPlanned && reason != DischargeReason.StoppedAttending ? VisitType.Discharge
                : attends && (attendedSoFar + 1) % 10 == 0 ? VisitType.ProgressNote
                : VisitType.FollowUp;
            var colleagues = !first && clinic.Therapists.Count > 1 && _chance.Percent(3)
                ? clinic.Therapists.Where(t => t.Id != therapist.Id && t.WorksOn(day)).ToList()
                : [];
            var covering = colleagues.Count > 0 ? _chance.Pick(colleagues) : null;
            var visit = new VisitRow(
                _chance.Id(startsAt), clinic.Id, patient.Id, episodeId, therapist.Id, covering?.Id, startsAt,
                first ? 60 : _chance.Percent(70) ? 45 : 30, type, status,
                status == VisitStatus.Cancelled ? _chance.Pick(Texts.CancellationReasons) : null,
                attends ? startsAt.AddMinutes(-_chance.Int(0, 12)) : null);
            visits.Add((visit, attends));
            batch.Visits.Add(visit);
            visitNumber++;
            if (attends)
            {
                var progress = attended <= 1 ? 1.0 : (double)attendedSoFar / (attended - 1);
                Chart(batch, visit, covering ?? therapist, patient, region, chronic, response, progress, measures, baseline, activities,
                    episodeSites, signedKnots, needles, ref needlingConsent, ref decided, plans, episodeId);
                attendedSoFar++;
                lastAttended = day;
            }

            // Two or three a week at first, then weekly or so; a missed visit is rebooked within days.
            var gap = !attends ? _chance.Int(1, 4) : attendedSoFar < 4 ? _chance.Int(2, 4) : _chance.Int(5, 10);
            day = day.AddDays(gap);
            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }
        }

        // Discharged when the course ran its length before now (stopped attending: weeks after the last visit).
        var lastVisitAt = visits.Count == 0 ? openedAt : visits.Where(v => v.Charted).Select(v => v.Visit.StartsAt).DefaultIfEmpty(openedAt).Max();
        var dischargedAt = reason == DischargeReason.StoppedAttending
            ? Calendar.ToInstant(lastAttended.AddDays(_chance.Int(21, 45)), new TimeOnly(17, 30))
            : lastVisitAt.AddHours(2 + _chance.Int(0, 20));
        var finished = attendedSoFar >= attended && dischargedAt < _now && !visits.Any(v => v.Visit.Status is VisitStatus.Scheduled or VisitStatus.CheckedIn);
        if (finished)
        {
            // A discharged episode holds no draft: what was left unsigned is signed before the discharge.
            for (var i = firstNote; i < batch.Notes.Count; i++)
            {
                var note = batch.Notes[i];
                if (note.SignedAt is null)
                {
                    var signedAt = Min(note.LastEditedAt.AddHours(_chance.Int(2, 30)), dischargedAt.AddMinutes(-5));
                    batch.Notes[i] = note with { SignedAt = signedAt, LastEditedAt = signedAt };
                    if (FreezeFor(batch, note.VisitId, signedAt) is { } signed)
                    {
                        // Its knots are signed history now too, as the app's rebuild will count them.
                        SignedKnotsOf(batch, signed, signedKnots);
                    }
                }
            }
        }

        var status2 = finished ? EpisodeStatus.Discharged : onHold ? EpisodeStatus.OnHold : EpisodeStatus.Active;
        batch.Episodes.Add(new EpisodeRow(
            episodeId, clinic.Id, patient.Id, complaint, region, side, onset,
            _chance.Percent(80) ? _chance.Pick(Texts.ReferralSources) : null, therapist.Id, status2,
            status2 == EpisodeStatus.OnHold ? _chance.Pick(Texts.HoldReasons) : null,
            finished ? reason : null, finished && _chance.Percent(70) ? Texts.DischargeNote(reason) : null,
            openedAt, finished ? dischargedAt : null));
        batch.Plans.AddRange(plans);
        return finished ? lastAttended : null;
    }

    /// <summary>Freezes the visit's assessment and treatment at the note's signing; returns the assessment.</summary>
    private static AssessmentRow? FreezeFor(Batch batch, Guid visitId, DateTimeOffset signedAt)
    {
        AssessmentRow? frozen = null;
        for (var i = batch.Assessments.Count - 1; i >= 0; i--)
        {
            if (batch.Assessments[i].VisitId == visitId)
            {
                frozen = batch.Assessments[i] = batch.Assessments[i] with { FrozenAt = signedAt };
                break;
            }
        }

        for (var i = batch.Treatments.Count - 1; i >= 0; i--)
        {
            if (batch.Treatments[i].VisitId == visitId)
            {
                batch.Treatments[i] = batch.Treatments[i] with { FrozenAt = signedAt, LastEditedAt = Min(batch.Treatments[i].LastEditedAt, signedAt) };
                break;
            }
        }

        return frozen;
    }

    /// <summary>The knot observations of an assessment signed late (at discharge), added to the patient's signed history.</summary>
    private static void SignedKnotsOf(Batch batch, AssessmentRow assessment, List<(KnotSiteKey, KnotObservation)> signedKnots)
    {
        var on = Calendar.DateOf(assessment.VisitStartsAt);
        foreach (var f in batch.Findings.Where(f => f.AssessmentId == assessment.Id))
        {
            signedKnots.Add((f.Site, KnotObservation.Present(assessment.Id, f.VisitStartsAt, on, f.Tenderness, f.SizeMm, f.IsActive, f.ReferredPain.Length > 0)));
        }

        foreach (var a in batch.Absences.Where(a => a.AssessmentId == assessment.Id))
        {
            signedKnots.Add((a.Site, KnotObservation.Absent(assessment.Id, a.VisitStartsAt, on)));
        }
    }

    /// <summary>A visit attended: its note, assessment, scores, knots, causes, plan and treatment.</summary>
    private void Chart(
        Batch batch, VisitRow visit, Therapist by, PatientRow patient, BodyRegion region, bool chronic, double response, double progress,
        IReadOnlyList<OutcomeMeasure> measures, Dictionary<OutcomeMeasure, double> baseline, IReadOnlyList<string> activities,
        List<SiteCourse> sites, List<(KnotSiteKey, KnotObservation)> signedKnots, bool needles, ref bool needlingConsent, ref bool decided,
        List<PlanRow> plans, Guid episodeId)
    {
        var endsAt = visit.StartsAt.AddMinutes(visit.DurationMinutes);
        // Signed within hours mostly; a few the next days; a few (in open episodes) not yet.
        var delayHours = _chance.Percent(4) ? 24 + _chance.Double() * 72 : Math.Min(20, _chance.LogNormal(1.5, 1.0));
        DateTimeOffset? signedAt = visit.Status == VisitStatus.CheckedIn || _chance.Percent(1.2) ? null : endsAt.AddHours(delayHours);
        if (signedAt > _now)
        {
            signedAt = null;
        }

        var editedAt = signedAt ?? Min(endsAt.AddMinutes(_chance.Int(-20, 30)), _now);
        batch.Notes.Add(new NoteRow(
            _chance.Id(visit.StartsAt), visit.ClinicId, visit.Id, _chance.Pick(Texts.Subjectives), _chance.Pick(Texts.Objectives),
            _chance.Pick(Texts.Assessments), _chance.Pick(Texts.Plans), editedAt, signedAt, by));

        // Pain tracks the episode's NPRS course; the first visit records the whole examination.
        var nprs = Score(OutcomeMeasure.Nprs, baseline.GetValueOrDefault(OutcomeMeasure.Nprs, 6), response, progress);
        var now = (int)Math.Clamp(Math.Round(nprs), 0, 10);
        var pain = new PainFindings(now, Math.Max(0, now - _chance.Int(1, 3)), Math.Min(10, now + _chance.Int(1, 3)));
        var initial = visit.Type == VisitType.InitialEvaluation;
        var findings = initial ? Examination(region, pain) : Findings.None with { Pain = pain };
        var assessmentId = _chance.Id(visit.StartsAt);
        var recordedAt = visit.StartsAt.AddMinutes(20);
        var outcomes = 0;
        var scoreThis = initial ? _chance.Percent(93)
            : visit.Type == VisitType.ProgressNote ? _chance.Percent(80)
            : visit.Type == VisitType.Discharge ? _chance.Percent(by.Tends.DischargeScoredPercent)
            : false;
        foreach (var measure in measures)
        {
            if (!scoreThis && !(measure == OutcomeMeasure.Nprs && _chance.Percent(25)))
            {
                continue;
            }

            var response2 = Response(measure, Score(measure, baseline[measure], response, progress), activities);
            var (ratings, names) = Answers(response2);
            batch.Outcomes.Add(new OutcomeRow(_chance.Id(recordedAt), visit.ClinicId, assessmentId, measure, response2.Score, ratings, names, recordedAt));
            outcomes++;
        }

        var on = Calendar.DateOf(visit.StartsAt);
        var present = new List<FindingRow>();
        var knots = 0;
        foreach (var course in sites)
        {
            if (course.FirstVisit > 0)
            {
                course.FirstVisit--;
                continue;
            }

            if (course.Seen && _chance.Percent(15))
            {
                continue; // not palpated this time: a gap, not an absence
            }

            course.Step(_chance);
            knots++;
            if (course.Present)
            {
                var f = new FindingRow(
                    _chance.Id(visit.StartsAt), visit.ClinicId, assessmentId, patient.Id, visit.StartsAt, course.Site, course.Tenderness,
                    _chance.Percent(30) ? Math.Round((decimal)(2 + 4 * _chance.Double()), 1) : null,
                    _chance.Percent(60) ? _chance.Int(4, 25) : null, _chance.Percent(70), _chance.Percent(10),
                    _chance.Percent(25) ? [_chance.Pick(ReferralAreas(region))] : []);
                batch.Findings.Add(f);
                present.Add(f);
                if (signedAt is not null)
                {
                    signedKnots.Add((f.Site, KnotObservation.Present(assessmentId, visit.StartsAt, on, f.Tenderness, f.SizeMm, f.IsActive, f.ReferredPain.Length > 0)));
                }
            }
            else
            {
                batch.Absences.Add(new AbsenceRow(_chance.Id(visit.StartsAt), visit.ClinicId, assessmentId, patient.Id, visit.StartsAt, course.Site));
                if (signedAt is not null)
                {
                    signedKnots.Add((course.Site, KnotObservation.Absent(assessmentId, visit.StartsAt, on)));
                }
            }
        }

        batch.Assessments.Add(new AssessmentRow(
            assessmentId, visit.ClinicId, visit.Id, episodeId, patient.Id, _json.Findings(findings), editedAt, signedAt, by, visit.StartsAt,
            HasChildren: outcomes + knots > 0));

        if (initial && !decided)
        {
            decided = true;
            Decide(batch, visit, by, findings, episodeId);
        }

        Plan(batch, visit, by, region, measures, baseline, activities, plans, episodeId, patient.Id, signedAt ?? endsAt.AddMinutes(5));
        Treat(batch, visit, by, patient, region, present, needles, ref needlingConsent, signedAt, episodeId);
    }

    /// <summary>The first visit's examination: lifestyle, range, strength, posture and guarding that point to one or two causes.</summary>
    private Findings Examination(BodyRegion region, PainFindings pain)
    {
        var sedentary = _chance.Percent(45);
        var overload = !sedentary && _chance.Percent(50);
        var lifestyle = new LifestyleFindings(
            hoursSittingPerDay: sedentary ? _chance.Int(16, 22) / 2m : _chance.Int(4, 14) / 2m,
            activeDaysPerWeek: sedentary ? _chance.Int(0, 2) : _chance.Int(2, 6),
            trainingLoadChangePercentOver4Weeks: overload ? _chance.Int(30, 80) : _chance.Int(-10, 20),
            warmsUpBeforeExercise: !overload || _chance.Percent(40));
        var tight = _chance.Percent(region is BodyRegion.PosteriorThigh or BodyRegion.Knee or BodyRegion.Hip ? 60 : 30);
        var left = tight ? _chance.Int(45, 65) : _chance.Int(70, 85);
        var right = tight && _chance.Percent(60) ? left + _chance.Int(15, 25) : left + _chance.Int(-5, 5);
        var posture = _chance.Percent(region is BodyRegion.LowerBack or BodyRegion.Pelvis ? 55 : 20)
            ? new HashSet<PostureObservation>(_chance.Sample([PostureObservation.AnteriorPelvicTilt, PostureObservation.SlumpedSitting, PostureObservation.IncreasedLordosis, PostureObservation.FlatBack, PostureObservation.Swayback], _chance.Int(1, 2)))
            : [];
        var weak = _chance.Percent(40);
        return Findings.None with
        {
            Pain = pain,
            Lifestyle = lifestyle,
            RangeOfMotion = [new RangeOfMotionFinding(RangeOfMotionTest.ActiveStraightLegRaise, Math.Clamp(left, 0, 90), Math.Clamp(right, 0, 90))],
            Strength = [region is BodyRegion.LowerBack
                ? new StrengthFinding(MuscleGroup.Core, BodySide.NotApplicable, weak ? _chance.Int(3, 4) : 5)
                : new StrengthFinding(_chance.Pick([MuscleGroup.Hamstrings, MuscleGroup.GluteusMaximus, MuscleGroup.GluteusMedius, MuscleGroup.Quadriceps]), _chance.Percent(50) ? BodySide.Left : BodySide.Right, weak ? _chance.Int(3, 4) : 5)],
            Posture = posture,
            MuscleGuarding = _chance.Percent(25) ? new MuscleGuardingFinding(true) : null,
        };
    }

    /// <summary>What the rules propose from the examination, confirmed or rejected as a therapist would, with their evidence.</summary>
    private void Decide(Batch batch, VisitRow visit, Therapist by, Findings findings, Guid episodeId)
    {
        var proposed = RootCauseEngine.Propose(findings);
        var at = visit.StartsAt.AddMinutes(35);
        for (var i = 0; i < proposed.Count && i < 3; i++)
        {
            var h = proposed[i];
            var confirm = i == 0 ? _chance.Percent(88) : i == 1 ? _chance.Percent(45) : _chance.Percent(15);
            var reject = !confirm && _chance.Percent(i == 0 ? 50 : 30);
            if (!confirm && !reject)
            {
                continue;
            }

            at = at.AddMinutes(1);
            batch.Decisions.Add(new DecisionRow(
                _chance.Id(at), visit.ClinicId, episodeId, visit.Id, h.Cause, confirm ? HypothesisVerdict.Confirmed : HypothesisVerdict.Rejected,
                confirm ? "Fits the history and the examination" : "Does not explain the presentation", [.. h.Evidence], at, by));
        }
    }

    /// <summary>The plan of care: signed at the first visit; re-certified at the visit on or after it falls due (mostly).</summary>
    private void Plan(
        Batch batch, VisitRow visit, Therapist by, BodyRegion region, IReadOnlyList<OutcomeMeasure> measures, Dictionary<OutcomeMeasure, double> baseline,
        IReadOnlyList<string> activities, List<PlanRow> plans, Guid episodeId, Guid patientId, DateTimeOffset signedAt)
    {
        var on = Calendar.DateOf(visit.StartsAt);
        var latest = plans.Count == 0 ? null : plans[^1];
        if (latest is null)
        {
            if (visit.Type != VisitType.InitialEvaluation || !_chance.Percent(92))
            {
                return;
            }
        }
        else if (on < latest.RecertificationDueOn.AddDays(-7) || _lapsed.Contains(latest.Id))
        {
            return;
        }
        else if (!_chance.Percent(85))
        {
            // Missed: the plan stays past its date, overdue for as long as the episode goes on.
            _lapsed.Add(latest.Id);
            return;
        }

        signedAt = Min(Max(signedAt, visit.StartsAt.AddMinutes(30)), _now);
        var due = on.AddDays(_chance.Pick(RecertificationDays));
        var content = new PlanContent(
            on,
            _chance.Sample(Texts.Problems, _chance.Int(2, 3)),
            [.. measures.Take(2).Select(m => Goal(m, baseline[m], on)), new PlanGoal(activities[0] + " without pain", null, null, null, on.AddDays(56))],
            _chance.Int(1, 2),
            _chance.Pick<int>([(4, 20), (6, 40), (8, 25), (12, 15)]),
            [
                .. _chance.Sample(Texts.InClinic(region), 2).Select(code => Item(PlanSetting.InClinic, code)),
                .. _chance.Sample(Texts.Home(region), _chance.Int(1, 3)).Select(code => Item(PlanSetting.Home, code)),
            ],
            []);
        plans.Add(new PlanRow(
            _chance.Id(visit.StartsAt), visit.ClinicId, episodeId, patientId, (latest?.Number ?? 0) + 1, latest?.Id, _json.Plan(content),
            visit.StartsAt.AddMinutes(25), signedAt, on, due, by));
    }

    private static PlanItem Item(PlanSetting setting, string code) =>
        new(setting, code, (InterventionCatalog.Find(code) ?? throw new InvalidOperationException($"No {code} in the catalog.")).DefaultDose, null, null);

    private PlanGoal Goal(OutcomeMeasure measure, double baseline, DateOnly on)
    {
        var definition = OutcomeMeasureDefinition.For(measure);
        var better = definition.Direction == ScoreDirection.HigherIsBetter;
        var target = better ? Math.Min((double)definition.Maximum, baseline + 2 * (double)definition.Mcid) : Math.Max(0, baseline - 2 * (double)definition.Mcid);
        return new PlanGoal(string.Empty, measure, better ? GoalComparison.AtLeast : GoalComparison.AtMost, Math.Round((decimal)target), on.AddDays(_chance.Pick<int>([(28, 30), (42, 40), (56, 30)])));
    }

    /// <summary>What the clinician gave at the visit, frozen with the note; dry needling on knots charted today.</summary>
    private void Treat(
        Batch batch, VisitRow visit, Therapist by, PatientRow patient, BodyRegion region, List<FindingRow> present, bool needles,
        ref bool needlingConsent, DateTimeOffset? signedAt, Guid episodeId)
    {
        var at = visit.StartsAt.AddMinutes(10);
        var treatment = new TreatmentRow(_chance.Id(at), visit.ClinicId, visit.Id, episodeId, patient.Id, at.AddMinutes(30), signedAt, by);
        if (signedAt is { } s && treatment.LastEditedAt > s)
        {
            treatment = treatment with { LastEditedAt = s };
        }

        batch.Treatments.Add(treatment);
        foreach (var code in _chance.Sample(Texts.InClinic(region), _chance.Pick<int>([(1, 15), (2, 40), (3, 35), (4, 10)])))
        {
            var definition = InterventionCatalog.Find(code)!;
            if (definition.Performer == Performer.Home)
            {
                continue;
            }

            batch.Performed.Add(new PerformedRow(
                _chance.Id(at), visit.ClinicId, treatment.Id, definition.Code, definition.Name, definition.Billing.ToString(), definition.CptCode,
                definition.Billing == BillingKind.Timed ? _chance.Int(8, 20) : _chance.Int(5, 15), _chance.Percent(20) ? "Tolerated well" : null, at));
        }

        // Whoever gives the treatment must hold a current certificate (a colleague covering may not).
        if (!needles || !by.NeedlesOn(Calendar.DateOf(visit.StartsAt)) || present.Count == 0 || !_chance.Percent(60))
        {
            return;
        }

        if (!needlingConsent)
        {
            needlingConsent = true;
            batch.Consents.Add(new ConsentRow(_chance.Id(visit.StartsAt), visit.ClinicId, patient.Id, ConsentKind.DryNeedling, Calendar.DateOf(visit.StartsAt), visit.StartsAt.AddMinutes(5), by));
        }

        var needled = _chance.Sample(present, _chance.Int(1, Math.Min(3, present.Count)));
        var sites = needled.Select(f => new DryNeedlingSite(f.Id, f.Site.MuscleCode, f.Site.Side, f.Site.Zone, _chance.Percent(55))).ToList();
        var events = new List<AdverseEvent>();
        var roll = _chance.Double() * 100;
        if (roll < 0.1)
        {
            events.Add(new AdverseEvent(AdverseEventKind.Fainting, AdverseEventSeverity.Moderate, "Felt faint after the needles came out", "Lay down with legs raised; recovered in 10 minutes"));
        }
        else if (roll < 0.9)
        {
            events.Add(new AdverseEvent(_chance.Percent(60) ? AdverseEventKind.PostNeedlingSoreness : AdverseEventKind.Bruising, AdverseEventSeverity.Moderate, "Soreness lasting two days", "Advised heat and gentle movement"));
        }
        else if (roll < 6.5)
        {
            events.Add(new AdverseEvent(_chance.Pick([AdverseEventKind.Bruising, AdverseEventKind.Bruising, AdverseEventKind.PostNeedlingSoreness, AdverseEventKind.Bleeding]), AdverseEventSeverity.Minor, "Small bruise at a needling site", "Pressure for 2 minutes"));
        }

        var length = _chance.Pick<int>([(30, 25), (40, 35), (50, 25), (60, 15)]);
        var gauge = _chance.Percent(60) ? 0.25m : 0.30m;
        batch.Needling.Add(new NeedlingRow(
            _chance.Id(at), visit.ClinicId, treatment.Id, _json.Sites(sites), Math.Min(30, sites.Count * _chance.Int(1, 3)), gauge, length,
            $"SEIRIN-J{length}{(int)(gauge * 100)}-{_chance.Int(10000, 99999)}", _chance.Percent(70) ? nameof(DryNeedlingTechnique.Pistoning) : nameof(DryNeedlingTechnique.Static),
            _chance.Percent(60) ? "Local twitch responses; tenderness eased straight after." : null, _json.AdverseEvents(events), events.Count,
            at.AddMinutes(5), by));
    }

    private static IReadOnlyList<OutcomeMeasure> Measures(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack or BodyRegion.Pelvis => [OutcomeMeasure.Nprs, OutcomeMeasure.Odi, OutcomeMeasure.Psfs],
        BodyRegion.Other => [OutcomeMeasure.Nprs, OutcomeMeasure.Psfs],
        _ => [OutcomeMeasure.Nprs, OutcomeMeasure.Lefs, OutcomeMeasure.Psfs],
    };

    private static IReadOnlyList<string> ReferralAreas(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack or BodyRegion.Pelvis => [nameof(ReferredPainArea.Buttock), nameof(ReferredPainArea.LowerBack), nameof(ReferredPainArea.PosteriorThigh)],
        _ => [nameof(ReferredPainArea.PosteriorThigh), nameof(ReferredPainArea.LowerLeg), nameof(ReferredPainArea.Buttock)],
    };

    private double Baseline(OutcomeMeasure measure, bool chronic) => measure switch
    {
        OutcomeMeasure.Nprs => Math.Clamp(_chance.Normal(chronic ? 5.5 : 6.2, 1.5), 2, 10),
        OutcomeMeasure.Lefs => Math.Clamp(_chance.Normal(chronic ? 44 : 38, 11), 8, 70),
        OutcomeMeasure.Odi => Math.Clamp(_chance.Normal(chronic ? 34 : 38, 12), 8, 80),
        _ => Math.Clamp(_chance.Normal(3.6, 1.2), 0.5, 7),
    };

    /// <summary>The score at <paramref name="progress"/> (0 first visit, 1 the last planned): most of the gain early, with noise.</summary>
    private double Score(OutcomeMeasure measure, double baseline, double response, double progress)
    {
        var definition = OutcomeMeasureDefinition.For(measure);
        var best = definition.Direction == ScoreDirection.HigherIsBetter
            ? (double)definition.Maximum * (measure == OutcomeMeasure.Lefs ? 0.92 : 0.9)
            : (double)definition.Maximum * (measure == OutcomeMeasure.Nprs ? 0.05 : 0.06);
        var shape = (1 - Math.Exp(-3 * progress)) / (1 - Math.Exp(-3));
        var noise = measure switch { OutcomeMeasure.Nprs => 0.9, OutcomeMeasure.Lefs => 3.5, OutcomeMeasure.Odi => 4.5, _ => 0.6 };
        var value = baseline + (best - baseline) * response * shape + (progress > 0 ? _chance.Normal(0, noise) : 0);
        return Math.Clamp(value, (double)definition.Minimum, (double)definition.Maximum);
    }

    /// <summary>Item answers that add up to <paramref name="score"/>, scored by the domain as the app scores them.</summary>
    private OutcomeResponse Response(OutcomeMeasure measure, double score, IReadOnlyList<string> activities)
    {
        switch (measure)
        {
            case OutcomeMeasure.Nprs:
                return OutcomeScoring.Score(measure, [(int)Math.Round(score)], []);
            case OutcomeMeasure.Lefs:
                return OutcomeScoring.Score(measure, Spread((int)Math.Round(score), LefsResponse.ItemCount, LefsResponse.MaxItemRating), []);
            case OutcomeMeasure.Odi:
                var sections = Spread((int)Math.Round(score / 2), OdiResponse.SectionCount, OdiResponse.MaxSectionRating);
                if (_chance.Percent(5))
                {
                    sections[_chance.Int(0, sections.Length - 1)] = null; // one section left blank, as patients do
                }

                return OutcomeScoring.Score(measure, sections, []);
            default:
                return OutcomeScoring.Score(
                    measure, [.. activities.Select(_ => (int?)(int)Math.Clamp(Math.Round(score + _chance.Normal(0, 0.8)), 0, PsfsResponse.MaxRating))], activities);
        }
    }

    private static (int?[] Ratings, string[] Names) Answers(OutcomeResponse response) => response switch
    {
        NprsResponse n => ([n.Rating], []),
        LefsResponse l => ([.. l.Items.Select(i => (int?)i)], []),
        OdiResponse o => ([.. o.Sections], []),
        PsfsResponse p => ([.. p.Activities.Select(a => (int?)a.Rating)], [.. p.Activities.Select(a => a.Name)]),
        _ => throw new InvalidOperationException($"{response.Measure} is not scored here."),
    };

    /// <summary><paramref name="total"/> shared over <paramref name="items"/> answers of 0 to <paramref name="max"/>, unevenly.</summary>
    private int?[] Spread(int total, int items, int max)
    {
        total = Math.Clamp(total, 0, items * max);
        var answers = new int?[items];
        var baseValue = total / items;
        for (var i = 0; i < items; i++)
        {
            answers[i] = baseValue;
        }

        var left = total - baseValue * items;
        foreach (var i in _chance.Sample(Enumerable.Range(0, items).ToList(), left))
        {
            answers[i]++;
        }

        // Move points between items so the answers vary as real ones do, keeping the total.
        for (var k = 0; k < items / 2; k++)
        {
            var from = _chance.Int(0, items - 1);
            var to = _chance.Int(0, items - 1);
            if (answers[from] > 0 && answers[to] < max)
            {
                answers[from]--;
                answers[to]++;
            }
        }

        return answers;
    }

    /// <summary>
    /// Too near a reserved name: the same given name (a search for "Ellen" finds Ellen Marsh alone), or a family
    /// name one begins with the other (Marsh and Marshall).
    /// </summary>
    private bool Reserved(string given, string family)
    {
        foreach (var (g, f) in _reservedNames)
        {
            if (given.Equals(g, StringComparison.OrdinalIgnoreCase)
                || family.StartsWith(f, StringComparison.OrdinalIgnoreCase) || f.StartsWith(family, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>One knot site across visits: found, tenderness drifting down more often than up, resolving and coming back.</summary>
    private sealed class SiteCourse(KnotSiteKey site, int firstVisit)
    {
        public KnotSiteKey Site { get; } = site;

        public int FirstVisit { get; set; } = firstVisit;

        public bool Seen { get; private set; }

        public bool Present { get; private set; }

        public int Tenderness { get; private set; }

        public void Step(Chance chance)
        {
            if (!Seen)
            {
                (Seen, Present, Tenderness) = (true, true, chance.Int(3, 8));
            }
            else if (Present && chance.Double() < (Tenderness <= 2 ? 0.4 : 0.06))
            {
                Present = false;
            }
            else if (!Present && chance.Double() < 0.07)
            {
                (Present, Tenderness) = (true, chance.Int(3, 8));
            }
            else if (Present)
            {
                var roll = chance.Int(0, 99);
                Tenderness = Math.Clamp(Tenderness + (roll < 45 ? -1 : roll < 85 ? 0 : 1), 1, 10);
            }
        }
    }
}
