using Microsoft.EntityFrameworkCore;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// What Ellen's signed visits performed: trigger-point release, heat and a stretch at the first; at
/// the second, a dry-needling session on the left biceps femoris knot charted that day (with a minor
/// bruise), glute bridges, the stretch and trigger-point release, so the note shows minutes and the
/// units they bill. Written through the domain, with the safety rules run on her record as it
/// stands, before the save that signs the notes: the signing freezes them as the app's does.
/// </summary>
internal static class DemoTreatment
{
    public static async Task SeedEllensTreatmentAsync(AppDbContext db, Patient ellen, StaffRef therapist, DateOnly clinicToday, CancellationToken ct)
    {
        var visits = db.Visits.Local.Where(v => v.PatientId == ellen.Id).OrderBy(v => v.StartsAt).ToList();
        var assessments = db.VisitAssessments.Local.ToDictionary(a => a.VisitId);
        var performer = await db.StaffMembers.Include(s => s.Credentials).SingleAsync(s => s.Id == therapist.UserId, ct);
        var safety = new SafetyContext(
            ellen.MedicalHistory,
            new HashSet<RedFlag>(),
            TreatmentAreaFindings.None,
            ellen.HasActiveConsent(ConsentKind.DryNeedling),
            performer.HoldsCurrent(CredentialKind.DryNeedlingCertification, clinicToday));

        var (first, second) = (visits[0], visits[1]);
        var firstAt = first.StartsAt.AddMinutes(15);
        var atFirst = VisitTreatment.Start(first, therapist, firstAt);
        atFirst.Perform(Catalog(InterventionCatalog.HeatTherapy), 10, "Before the release", null, safety, therapist, firstAt);
        atFirst.Perform(Catalog(InterventionCatalog.TriggerPointRelease), 12, "Sustained pressure, 3 × 30 s on the biceps femoris knot", null, safety, therapist, firstAt);
        atFirst.Perform(Catalog(InterventionCatalog.HamstringStretchSupineStrap), 10, "Taught 3 × 30 s", null, safety, therapist, firstAt);
        db.VisitTreatments.Add(atFirst);

        var secondAt = second.StartsAt.AddMinutes(10);
        var atSecond = VisitTreatment.Start(second, therapist, secondAt);
        var knot = assessments[second.Id].Knots.Single();
        atSecond.RecordDryNeedling(Catalog(InterventionCatalog.DryNeedling), assessments[second.Id].Knots, [new NeedledKnot(knot.Id, LocalTwitchResponse: true)],
            new DryNeedlingDetails(2, 0.25m, 40, "SEIRIN-J2540-24117", DryNeedlingTechnique.Pistoning,
                "Two local twitches; tenderness on pressure 4/10 down to 2/10, SLR 65° to 72° straight after.",
                [new AdverseEvent(AdverseEventKind.Bruising, AdverseEventSeverity.Minor, "Small bruise at the needling site", "Pressure for 2 minutes; told it fades within a week")]),
            null, safety, therapist, secondAt);
        atSecond.Perform(Catalog(InterventionCatalog.GluteBridge), 13, "3 × 12, slow lowering", null, safety, therapist, secondAt.AddMinutes(10));
        atSecond.Perform(Catalog(InterventionCatalog.HamstringStretchSupineStrap), 10, "3 × 30 s each side", null, safety, therapist, secondAt.AddMinutes(10));
        atSecond.Perform(Catalog(InterventionCatalog.TriggerPointRelease), 10, null, null, safety, therapist, secondAt.AddMinutes(10));
        db.VisitTreatments.Add(atSecond);
    }

    private static InterventionDefinition Catalog(string code) =>
        InterventionCatalog.Find(code) ?? throw new InvalidOperationException($"The catalog has no {code}.");
}
