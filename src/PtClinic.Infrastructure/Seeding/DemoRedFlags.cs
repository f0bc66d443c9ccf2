using Microsoft.EntityFrameworkCore;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// A red flag open on a demo episode: Greta's low back is back, and this time it woke her at night
/// when she was seen five days ago; her therapist referred her to her GP and signed the note, which
/// opened the flag on the episode. It stays open there (and on her notes) until a therapist closes
/// it. Seeded once, while Greta has no open episode; signing opens the flag the way the app does.
/// </summary>
internal static class DemoRedFlags
{
    private const string GretaMrn = "P000103";

    public static async Task SeedGretasNightPainAsync(AppDbContext db, StaffRef therapist, TimeProvider clock, CancellationToken ct)
    {
        var greta = await db.Patients.SingleAsync(p => p.Mrn == GretaMrn, ct);
        if (await db.Episodes.AnyAsync(e => e.PatientId == greta.Id && e.Status != EpisodeStatus.Discharged, ct))
        {
            return;
        }

        var today = DemoClinic.Calendar.DateOf(clock.GetUtcNow());
        var at = DemoClinic.Calendar.ToInstant(today.AddDays(-5), new TimeOnly(11, 0));
        var episode = EpisodeOfCare.Open(DemoClinic.Id, greta.Id, "Low back and left buttock pain again, now worse at night",
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
