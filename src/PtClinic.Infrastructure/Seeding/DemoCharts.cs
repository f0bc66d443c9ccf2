using Microsoft.EntityFrameworkCore;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// Clinical history for the demo clinic: medical flags and consents, an active hamstring episode
/// with signed notes and an addendum, a discharged episode, and a day of visits for the demo
/// therapist. The day is topped up on every start, so "Today" is never empty in a demo. Ellen's
/// hamstring is charted in full: knots on the body chart, findings, scored questionnaires improving
/// past their MCIDs, and the root causes her therapist confirmed or rejected. <paramref name="db"/>
/// serves the demo therapist, so it sees the demo clinic only, and signing a note freezes its
/// assessment the way the app does (through VisitNoteSigned, as the save commits).
/// </summary>
internal sealed class DemoCharts(AppDbContext db, TimeProvider clock)
{
    internal const string EllenMrn = "P000101";
    private const string DanielMrn = "P000102";
    private const string GretaMrn = "P000103";
    private const string RafaelMrn = "P000104";
    private const string AishaMrn = "P000105";
    private const string BicepsFemoris = "biceps-femoris-long-head";

    public async Task SeedHistoryAsync(StaffRef therapist, StaffRef frontDesk, CancellationToken ct)
    {
        if (await db.Episodes.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var patients = await db.Patients.Include(p => p.Consents).ToDictionaryAsync(p => p.Mrn, ct);

        var ellen = patients[EllenMrn];
        ellen.ChangeOccupation("Software developer (sits most of the day), weekend runner");
        ellen.RecordConsent(ConsentKind.Treatment, Day(now, -15), false, true, null, frontDesk, now.AddDays(-15), Day(now, -15));
        ellen.RecordConsent(ConsentKind.DryNeedling, Day(now, -15), true, true,
            "Risks explained: soreness, bruising, fainting; rare pneumothorax (not relevant to the thigh).", therapist, now.AddDays(-15), Day(now, -15));

        var daniel = patients[DanielMrn];
        daniel.ChangeOccupation("Warehouse operative");
        daniel.RecordMedicalHistory(MedicalHistory.None with { AnticoagulantUse = true, DeepVeinThrombosisHistory = true });
        daniel.RecordConsent(ConsentKind.Treatment, Day(now, -40), false, true, null, frontDesk, now.AddDays(-40), Day(now, -40));

        var greta = patients[GretaMrn];
        greta.ChangeOccupation("Primary-school teacher");
        greta.RecordMedicalHistory(MedicalHistory.None with { Raynauds = true, NeedlePhobia = true });
        greta.RecordConsent(ConsentKind.Treatment, Day(now, -90), false, true, null, frontDesk, now.AddDays(-90), Day(now, -90));

        patients[RafaelMrn].ChangeOccupation("University student, plays five-a-side football");

        SeedEllensHamstring(ellen, therapist, now);
        SeedGretasDischargedBack(greta, therapist, now);
        var aisha = patients[AishaMrn];
        aisha.ChangeOccupation("Nurse on twelve-hour shifts; training for a half-marathon");
        aisha.RecordConsent(ConsentKind.Treatment, Day(now, -60), false, true, null, frontDesk, now.AddDays(-60), Day(now, -60));
        SeedAishasRecurringKnot(aisha, therapist, now);
        await DemoTreatment.SeedEllensTreatmentAsync(db, ellen, therapist, Day(now, 0), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Books the demo therapist's day (once per clinic day) so Today has patients to chart.</summary>
    public async Task SeedTodayAsync(StaffRef therapist, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DemoClinic.Calendar.DateOf(now);
        var (dayStart, dayEnd) = DemoClinic.Calendar.DayOf(today);
        if (await db.Visits.AnyAsync(v => v.TherapistId == therapist.UserId && v.StartsAt >= dayStart && v.StartsAt < dayEnd, ct))
        {
            return;
        }

        var episodes = await db.Episodes.Where(e => e.Status != EpisodeStatus.Discharged).ToListAsync(ct);
        var patients = await db.Patients.ToDictionaryAsync(p => p.Mrn, ct);

        var ellensEpisode = episodes.First(e => e.PatientId == patients[EllenMrn].Id);
        // Ellen is already in the room and the note is under way: Today shows a draft to finish.
        var ellensVisit = Visit.Schedule(ellensEpisode, therapist.UserId, DemoClinic.Calendar.ToInstant(today, new TimeOnly(9, 0)), 45, VisitType.FollowUp, now);
        ellensVisit.CheckIn(ellensEpisode, now);
        var draft = VisitNote.Start(ellensVisit, therapist, now);
        draft.SaveDraft(
            "Ran 8 km on Sunday without the usual tightness; still aware of the spot after long meetings. NPRS 3/10.",
            null, null, null, therapist, now);
        db.Visits.Add(ellensVisit);
        db.VisitNotes.Add(draft);
        db.VisitAssessments.Add(ChartEllenToday(ellensVisit, therapist, now));

        var daniel = patients[DanielMrn];
        var danielsEpisode = episodes.FirstOrDefault(e => e.PatientId == daniel.Id);
        if (danielsEpisode is null)
        {
            danielsEpisode = EpisodeOfCare.Open(DemoClinic.Id, daniel.Id,
                "Pain and a hard knot in the right calf after lifting at work", BodyRegion.LowerLeg, BodySide.Right,
                today.AddDays(-10), "GP", therapist.UserId, now, today);
            db.Episodes.Add(danielsEpisode);
        }

        db.Visits.Add(Visit.Schedule(danielsEpisode, therapist.UserId, DemoClinic.Calendar.ToInstant(today, new TimeOnly(10, 30)), 60, VisitType.InitialEvaluation, now));

        var rafael = patients[RafaelMrn];
        var rafaelsEpisode = episodes.FirstOrDefault(e => e.PatientId == rafael.Id);
        if (rafaelsEpisode is null)
        {
            rafaelsEpisode = EpisodeOfCare.Open(DemoClinic.Id, rafael.Id,
                "Tight left hamstring since a sprint in five-a-side", BodyRegion.PosteriorThigh, BodySide.Left,
                today.AddDays(-5), "Self-referral", therapist.UserId, now, today);
            db.Episodes.Add(rafaelsEpisode);
        }

        db.Visits.Add(Visit.Schedule(rafaelsEpisode, therapist.UserId, DemoClinic.Calendar.ToInstant(today, new TimeOnly(14, 0)), 60, VisitType.InitialEvaluation, now));

        // Aisha is in the waiting room for her follow-up: her tracked knots wait on the body chart, two flagged.
        var aishasEpisode = episodes.FirstOrDefault(e => e.PatientId == patients[AishaMrn].Id && e.Region == BodyRegion.PosteriorThigh);
        if (aishasEpisode is not null)
        {
            var aishasVisit = Visit.Schedule(aishasEpisode, therapist.UserId, DemoClinic.Calendar.ToInstant(today, new TimeOnly(16, 0)), 45, VisitType.FollowUp, now);
            aishasVisit.CheckIn(aishasEpisode, now);
            db.Visits.Add(aishasVisit);
        }
        await db.SaveChangesAsync(ct);
    }

    private void SeedEllensHamstring(Patient ellen, StaffRef therapist, DateTimeOffset now)
    {
        var opened = ClinicHours(now, -14, 10);
        var episode = EpisodeOfCare.Open(DemoClinic.Id, ellen.Id, "Knot in the left hamstring that won't go away",
            BodyRegion.PosteriorThigh, BodySide.Left, Day(now, -42), "GP", therapist.UserId, opened, DemoClinic.Calendar.DateOf(opened));
        db.Episodes.Add(episode);

        var first = ChartSignedVisit(episode, therapist, opened, 60, VisitType.InitialEvaluation, ChartEllensFirstVisit, new Soap(
            "Six weeks of a tight, tender spot in the back of the left thigh, worse after sitting all day and on long runs. " +
            "NPRS 6/10 now, 3 best, 7 worst. Sits about 9 h a day; weekly running went from 15 to 25 km in the last month.",
            "Palpation: taut band with a tender nodule in the middle third of the left biceps femoris (long head), " +
            "local twitch on snapping palpation, reproduces pain into the posterior knee. Active SLR 55° left, 80° right. " +
            "Knee flexion strength 4/5 left, 5/5 right.",
            "Active myofascial trigger point, left biceps femoris. Likely drivers: prolonged sitting and a recent jump in running load; " +
            "reduced hamstring flexibility on the left.",
            "Trigger-point release and manual therapy today. Home: hamstring stretch 3 × 30 s twice daily, ball release 30 s, " +
            "stand up every 45 min at work, running volume back to 15 km/week. Review in one week."));
        first.AddAddendum("Patient phoned the next day: soreness settled within 24 h, no bruising.", therapist, opened.AddDays(1));

        ChartSignedVisit(episode, therapist, ClinicHours(now, -7, 17), 45, VisitType.FollowUp, ChartEllensSecondVisit, new Soap(
            "Better: NPRS 4/10 at worst, tightness only after long meetings. Doing the stretches most days.",
            "Nodule smaller and less tender (4/10 on pressure, was 7). Active SLR 65° left.",
            "Improving trigger point; flexibility deficit narrowing.",
            "Dry needling to the left biceps femoris knot today (consent on file); minor bruise, settled with pressure. Continue home program; add glute bridges 3 × 12."));
        DemoPlans.SignEllensPlan(db, episode, therapist, opened.AddMinutes(70));
    }

    /// <summary>
    /// Knot tracking across episodes: Aisha's left biceps femoris knot eased over four visits and
    /// resolved, the episode was discharged, and three weeks later it was back (Recurred, and flagged
    /// for coming back within 30 days); a right calf knot, not examined at one visit, has stayed at
    /// the same tenderness at the four it was (Persisting, flagged for not improving).
    /// </summary>
    private void SeedAishasRecurringKnot(Patient aisha, StaffRef therapist, DateTimeOffset now)
    {
        var opened = ClinicHours(now, -60, 11);
        var first = EpisodeOfCare.Open(DemoClinic.Id, aisha.Id, "Left hamstring knot during half-marathon training",
            BodyRegion.PosteriorThigh, BodySide.Left, Day(now, -70), "Self-referral", therapist.UserId, opened, DemoClinic.Calendar.DateOf(opened));
        db.Episodes.Add(first);
        (int Day, int? Hamstring, int? Calf, string Subjective, string Objective)[] course =
        [
            (-60, 7, 5, "Tight, sore spot mid left hamstring since increasing long runs; NPRS 6/10.",
                "Tender nodule, left biceps femoris middle third (7/10), refers to the back of the knee. Tender right calf band (5/10)."),
            (-53, 5, 5, "Easier after the release; long run cut to 14 km.", "Left hamstring knot 5/10; calf unchanged 5/10."),
            (-46, 3, null, "Only aware of it after night shifts.", "Left hamstring knot 3/10, latent; calf not examined (short appointment)."),
            (-39, null, 5, "No hamstring pain this week; ran 16 km.", "No nodule found in the left biceps femoris. Calf 5/10."),
        ];
        foreach (var visit in course)
        {
            ChartSignedVisit(first, therapist, ClinicHours(now, visit.Day, 11), 45, visit.Day == -60 ? VisitType.InitialEvaluation : VisitType.FollowUp,
                (assessment, _, by, at) => ChartAishasKnots(assessment, visit.Hamstring, visit.Calf, by, at),
                new Soap(visit.Subjective, visit.Objective,
                    visit.Hamstring is null ? "Left hamstring trigger point resolved; right calf unchanged." : "Active trigger point, left biceps femoris, settling.",
                    "Trigger-point release; home stretches and ball release; calf stretches."));
        }

        first.Discharge(DischargeReason.GoalsMet, "Hamstring clear; calf to be managed at home with stretches.", unsignedNotes: 0, ClinicHours(now, -37, 9));

        var back = ClinicHours(now, -18, 11);
        var second = EpisodeOfCare.Open(DemoClinic.Id, aisha.Id, "Left hamstring knot back after returning to 20 km runs",
            BodyRegion.PosteriorThigh, BodySide.Left, Day(now, -20), "Self-referral", therapist.UserId, back, DemoClinic.Calendar.DateOf(back));
        db.Episodes.Add(second);
        ChartSignedVisit(second, therapist, back, 60, VisitType.InitialEvaluation,
            (assessment, _, by, at) => ChartAishasKnots(assessment, 6, 5, by, at),
            new Soap("The same spot came back two weeks after going back to 20 km long runs; NPRS 5/10.",
                "Tender nodule again, left biceps femoris middle third (6/10); right calf band 5/10 as before.",
                "Recurrent trigger point three weeks after it resolved: load, not release, is the problem.",
                "Structured program: graded return to running, eccentric hamstring strengthening. Discuss dry needling."));
    }

    /// <summary>A null hamstring is palpated and absent; a null calf was not examined (a gap, not an absence).</summary>
    private static void ChartAishasKnots(VisitAssessment assessment, int? hamstring, int? calf, StaffRef therapist, DateTimeOffset at)
    {
        assessment.RecordFindings(Findings.None with
        {
            Pain = new PainFindings(now: hamstring is { } h ? Math.Max(h - 1, 1) : 1, best24Hours: 1, worst24Hours: hamstring ?? 2,
                aggravating: "Long runs, night shifts on her feet", easing: "Stretching, rest days"),
        }, therapist, at);
        if (hamstring is { } tenderness)
        {
            assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird,
                new KnotPresentation(tenderness, null, 10, IsActive: tenderness >= 5, LocalTwitchResponse: false, tenderness >= 5 ? [ReferredPainArea.LowerLeg] : []), therapist, at);
        }
        else
        {
            assessment.MarkAbsent(new KnotSiteKey(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird), therapist, at);
        }

        if (calf is { } calfTenderness)
        {
            assessment.AddKnot("gastrocnemius", BodySide.Right, MuscleZone.MiddleThird,
                new KnotPresentation(calfTenderness, null, 8, IsActive: false, LocalTwitchResponse: false, []), therapist, at);
        }
    }

    private void SeedGretasDischargedBack(Patient greta, StaffRef therapist, DateTimeOffset now)
    {
        var opened = ClinicHours(now, -90, 15);
        var episode = EpisodeOfCare.Open(DemoClinic.Id, greta.Id, "Low back ache with knots over the right quadratus lumborum",
            BodyRegion.LowerBack, BodySide.Right, Day(now, -100), "Self-referral", therapist.UserId, opened, DemoClinic.Calendar.DateOf(opened));
        db.Episodes.Add(episode);
        ChartSignedVisit(episode, therapist, opened, 60, VisitType.InitialEvaluation, null, new Soap(
            "Ache across the right low back after long days standing in class. NPRS 5/10.",
            "Tender points over right quadratus lumborum; lumbar flexion mildly limited.",
            "Myofascial low back pain; postural load.",
            "Heat and self-massage at home, posture breaks, core strengthening. No needling (needle phobia)."));
        episode.Discharge(DischargeReason.GoalsMet, "Pain-free at work for four weeks; continues the home program.", unsignedNotes: 0, now.AddDays(-30));
    }

    /// <summary>
    /// A visit that happened: checked in at its start, charted (structured findings too, if given),
    /// and signed at its end. Saved in one go: the save writes the assessment and its knots first,
    /// then freezes it as the signing's handler runs.
    /// </summary>
    private VisitNote ChartSignedVisit(
        EpisodeOfCare episode, StaffRef therapist, DateTimeOffset at, int minutes, VisitType type,
        Action<VisitAssessment, Visit, StaffRef, DateTimeOffset>? chart, Soap soap)
    {
        var visit = Visit.Schedule(episode, therapist.UserId, at, minutes, type, at);
        visit.CheckIn(episode, at);
        var note = VisitNote.Start(visit, therapist, at);
        note.SaveDraft(soap.Subjective, soap.Objective, soap.Assessment, soap.Plan, therapist, at);
        if (chart is not null)
        {
            var assessment = VisitAssessment.Start(visit, therapist, at);
            chart(assessment, visit, therapist, at.AddMinutes(minutes / 2));
            db.VisitAssessments.Add(assessment);
        }

        note.Sign(visit, episode.Status, therapist, at.AddMinutes(minutes + 10));
        db.Visits.Add(visit);
        db.VisitNotes.Add(note);
        return note;
    }

    /// <summary>Initial evaluation: an active, referring knot mid-thigh, a desk job and a running-load spike.</summary>
    private void ChartEllensFirstVisit(VisitAssessment assessment, Visit visit, StaffRef therapist, DateTimeOffset at)
    {
        assessment.RecordFindings(Findings.None with
        {
            Pain = new PainFindings(now: 6, best24Hours: 3, worst24Hours: 7, aggravating: "Sitting all day; runs over 8 km", easing: "Walking about, heat pack"),
            Lifestyle = new LifestyleFindings(hoursSittingPerDay: 9, activeDaysPerWeek: 2, trainingLoadChangePercentOver4Weeks: 67,
                warmsUpBeforeExercise: false, dietMostlyProcessed: false),
            RangeOfMotion =
            [
                new RangeOfMotionFinding(RangeOfMotionTest.ActiveStraightLegRaise, 55, 80),
                new RangeOfMotionFinding(RangeOfMotionTest.PassiveKneeExtension, 35, 18),
            ],
            Strength = [new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, 4), new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Right, 5)],
            Posture = new HashSet<PostureObservation> { PostureObservation.SlumpedSitting },
            MuscleGuarding = new MuscleGuardingFinding(false),
        }, therapist, at);
        assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird,
            new KnotPresentation(7, 2.1m, 12, IsActive: true, LocalTwitchResponse: true, [ReferredPainArea.PosteriorThigh, ReferredPainArea.LowerLeg]), therapist, at);
        assessment.AddKnot("gluteus-medius", BodySide.Left, MuscleZone.ProximalThird,
            new KnotPresentation(4, null, 8, IsActive: false, LocalTwitchResponse: false, [ReferredPainArea.Buttock]), therapist, at);
        assessment.RecordOutcome(LefsResponse.From([2, 2, 4, 4, 3, 2, 2, 3, 2, 3, 3, 2, 3, 2, 1, 2, 1, 1, 2, 4]), therapist, at); // 48
        assessment.RecordOutcome(PsfsResponse.From([new("Run 10 km", 3), new("Sit through a 2-hour meeting", 4), new("Squat to lift a box", 6)]), therapist, at);

        var findings = assessment.Findings;
        Decide(visit, therapist, at, findings, HypothesisDecision.Confirm(RootCause.SedentaryLifestyle,
            "Desk job, about 9 h a day; the ache builds through the working day", therapist, at));
        Decide(visit, therapist, at, findings, HypothesisDecision.Confirm(RootCause.Overexertion,
            "Weekly running went from 15 to 25 km in a month, no warm-up", therapist, at));
        Decide(visit, therapist, at, findings, HypothesisDecision.Confirm(RootCause.ReducedFlexibility,
            "SLR 25° short on the knot's side", therapist, at));
        Decide(visit, therapist, at, findings, HypothesisDecision.Reject(RootCause.PoorPosture,
            "Slumps only late in the day; a consequence more than a driver", therapist, at));
    }

    /// <summary>One week on: the knot smaller and less tender, the load back down, scores improving.</summary>
    private static void ChartEllensSecondVisit(VisitAssessment assessment, Visit visit, StaffRef therapist, DateTimeOffset at)
    {
        assessment.RecordFindings(Findings.None with
        {
            Pain = new PainFindings(now: 4, best24Hours: 2, worst24Hours: 4, aggravating: "Long meetings", easing: "Stretching, walking"),
            Lifestyle = new LifestyleFindings(hoursSittingPerDay: 8, activeDaysPerWeek: 3, trainingLoadChangePercentOver4Weeks: 0, warmsUpBeforeExercise: true),
            RangeOfMotion = [new RangeOfMotionFinding(RangeOfMotionTest.ActiveStraightLegRaise, 65, 80)],
            Strength = [new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, 4)],
        }, therapist, at);
        assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird,
            new KnotPresentation(4, 3.0m, 8, IsActive: true, LocalTwitchResponse: false, [ReferredPainArea.PosteriorThigh]), therapist, at);
        assessment.RecordOutcome(LefsResponse.From([3, 3, 4, 4, 3, 2, 3, 3, 3, 3, 4, 3, 3, 3, 2, 2, 1, 1, 2, 4]), therapist, at); // 56
        assessment.RecordOutcome(PsfsResponse.From([new("Run 10 km", 5), new("Sit through a 2-hour meeting", 5), new("Squat to lift a box", 6)]), therapist, at);
    }

    /// <summary>Today's visit, under way: pain and scores past their MCIDs since the first visit; the knot now latent.</summary>
    private static VisitAssessment ChartEllenToday(Visit visit, StaffRef therapist, DateTimeOffset at)
    {
        var assessment = VisitAssessment.Start(visit, therapist, at);
        assessment.RecordFindings(Findings.None with
        {
            Pain = new PainFindings(now: 3, best24Hours: 1, worst24Hours: 3, aggravating: "Meetings over an hour"),
            Lifestyle = new LifestyleFindings(hoursSittingPerDay: 8.5m, activeDaysPerWeek: 3, warmsUpBeforeExercise: true),
            RangeOfMotion = [new RangeOfMotionFinding(RangeOfMotionTest.ActiveStraightLegRaise, 70, 80)],
            Strength = [new StrengthFinding(MuscleGroup.Hamstrings, BodySide.Left, 4)],
        }, therapist, at);
        assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird,
            new KnotPresentation(3, 3.6m, 6, IsActive: false, LocalTwitchResponse: false, []), therapist, at);
        assessment.RecordOutcome(LefsResponse.From([3, 3, 4, 4, 4, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 2, 1, 2, 4]), therapist, at); // 61
        assessment.RecordOutcome(PsfsResponse.From([new("Run 10 km", 6), new("Sit through a 2-hour meeting", 7), new("Squat to lift a box", 8)]), therapist, at);
        return assessment;
    }

    private void Decide(Visit visit, StaffRef therapist, DateTimeOffset at, Findings findings, HypothesisDecision decision)
    {
        var evidence = RootCauseEngine.Propose(findings).SingleOrDefault(h => h.Cause == decision.Cause)?.Evidence ?? [];
        db.CauseDecisions.Add(CauseDecision.Record(DemoClinic.Id, visit.EpisodeId, visit.Id, decision, evidence));
    }

    private sealed record Soap(string Subjective, string Objective, string Assessment, string Plan);

    /// <summary>A time on the clinic's clock, <paramref name="offsetDays"/> from today: visits happen in opening hours.</summary>
    private static DateTimeOffset ClinicHours(DateTimeOffset now, int offsetDays, int hour) =>
        DemoClinic.Calendar.ToInstant(Day(now, offsetDays), new TimeOnly(hour, 0));

    /// <summary>The clinic's date <paramref name="offsetDays"/> from today.</summary>
    private static DateOnly Day(DateTimeOffset now, int offsetDays) => DemoClinic.Calendar.DateOf(now).AddDays(offsetDays);
}
