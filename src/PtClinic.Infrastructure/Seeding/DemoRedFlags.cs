using Microsoft.EntityFrameworkCore;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// A red flag open on a demo episode: Aisha's low back woke her at night when she was first seen,
/// five days ago; her therapist referred her to her GP and signed the note, which opened the flag
/// on the episode. It stays open there (and on her notes) until a therapist closes it. Seeded
/// once, when Aisha has no episode yet; signing opens the flag the way the app does.
/// </summary>
internal static class DemoRedFlags
{
    private const string AishaMrn = "P000105";

    public static async Task SeedAishasNightPainAsync(AppDbContext db, StaffRef therapist, TimeProvider clock, CancellationToken ct)
    {
        var aisha = await db.Patients.SingleAsync(p => p.Mrn == AishaMrn, ct);
        if (await db.Episodes.AnyAsync(e => e.PatientId == aisha.Id, ct))
        {
            return;
        }

        var today = DemoClinic.Calendar.DateOf(clock.GetUtcNow());
        var at = DemoClinic.Calendar.ToInstant(today.AddDays(-5), new TimeOnly(11, 0));
        var episode = EpisodeOfCare.Open(DemoClinic.Id, aisha.Id, "Low back and left buttock pain, worse at night",
            BodyRegion.LowerBack, BodySide.Left, today.AddDays(-21), "Self-referral", therapist.UserId, at, DemoClinic.Calendar.DateOf(at));
        var visit = Visit.Schedule(episode, therapist.UserId, at, 60, VisitType.InitialEvaluation, at);
        visit.CheckIn(episode, at);
        var note = VisitNote.Start(visit, therapist, at);
        note.SaveDraft(
            "Three weeks of low back and left buttock pain. Wakes most nights at 3 am with a deep ache that does not ease with rest or a change of position. NPRS 5/10.",
            "Tender points over left gluteus medius and lumbar paraspinals; lumbar flexion limited by pain; neurology normal.",
            "Myofascial pain likely, but constant night pain unrelieved by rest is a red flag: medical review first.",
            "Referred to GP the same day (letter: night pain, bloods and review). Gentle mobility and heat meanwhile; no dry needling until the GP has seen her.",
            therapist, at);
        var assessment = VisitAssessment.Start(visit, therapist, at);
        assessment.RecordFindings(Findings.None with
        {
            Pain = new PainFindings(now: 5, best24Hours: 3, worst24Hours: 7, aggravating: "Lying down at night", easing: "Walking about in the morning"),
            RedFlags = new HashSet<RedFlag> { RedFlag.NightPain },
        }, therapist, at.AddMinutes(30));
        var referral = ReferralRules.Evaluate(assessment.Findings, [5])!;
        var answer = ReferralAcknowledgement.Record(DemoClinic.Id, episode.Id, visit.Id, referral, ReferralAction.Referred,
            "GP, letter sent the same day: night pain, bloods and review", therapist, at.AddMinutes(50));
        note.Sign(visit, episode.Status, therapist, at.AddMinutes(70));
        db.AddRange(episode, visit, note, assessment, answer);
        await db.SaveChangesAsync(ct);
    }
}
