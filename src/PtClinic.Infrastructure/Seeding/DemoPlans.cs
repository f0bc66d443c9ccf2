using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>
/// The demo clinic's plans of care: Ellen's hamstring plan, written and signed at her first visit,
/// with measured and functional goals, what the therapist gives in the clinic and her home program,
/// and revised at her second (version 2 adds glute bridges).
/// Written through the domain, as the app writes a plan; the seeder runs as the table owner, which
/// the signed-plan guard exempts, so a plan certified two weeks ago can be stored signed.
/// </summary>
internal static class DemoPlans
{
    /// <summary>As at her visits: nothing in her history, a dry-needling consent on file.</summary>
    private static readonly SafetyContext EllensSafety =
        new(MedicalHistory.None, new HashSet<RedFlag>(), TreatmentAreaFindings.None, HasActiveDryNeedlingConsent: true, null);

    /// <summary>Her first visit's plan: release in the clinic; at home the stretch, the ball and cold after runs.</summary>
    public static PlanOfCare SignEllensPlan(AppDbContext db, EpisodeOfCare episode, StaffRef therapist, DateTimeOffset signedAt)
    {
        var startsOn = DemoClinic.Calendar.DateOf(signedAt);
        var plan = PlanOfCare.Start(episode, startsOn, therapist, signedAt);
        plan.Edit(EllensPlan(startsOn, []), InterventionCatalog.Find, EllensSafety, therapist, signedAt);
        plan.Sign(startsOn, null, startsOn, InterventionCatalog.Find, EllensSafety, therapist, signedAt);
        db.PlansOfCare.Add(plan);
        return plan;
    }

    /// <summary>Her second visit's revision (version 2): the same, and glute bridges 3 × 12, as the note says.</summary>
    public static PlanOfCare ReviseEllensPlan(AppDbContext db, EpisodeOfCare episode, PlanOfCare inForce, StaffRef therapist, DateTimeOffset signedAt)
    {
        var revision = inForce.Revise(episode, therapist, signedAt);
        revision.Edit(
            EllensPlan(inForce.Content.StartsOn,
                [new PlanItem(PlanSetting.Home, InterventionCatalog.GluteBridge, new Dose { Sets = 3, Reps = 12, TimesPerDay = 1, DaysPerWeek = 5 }, "Squeeze at the top for 2 seconds", null)]),
            InterventionCatalog.Find, EllensSafety, therapist, signedAt);
        var today = DemoClinic.Calendar.DateOf(signedAt);
        revision.Sign(today, null, today, InterventionCatalog.Find, EllensSafety, therapist, signedAt);
        db.PlansOfCare.Add(revision);
        return revision;
    }

    private static PlanContent EllensPlan(DateOnly startsOn, IReadOnlyList<PlanItem> added) => new(
        startsOn,
        ["Active trigger point, left biceps femoris (long head), referring to the back of the knee",
            "Reduced hamstring flexibility on the left (active SLR 55°, right 80°)",
            "Pain after sitting all day and on long runs"],
        [
            new PlanGoal("after 30 min sitting", OutcomeMeasure.Nprs, GoalComparison.AtMost, 2, startsOn.AddDays(28)),
            new PlanGoal(string.Empty, OutcomeMeasure.Lefs, GoalComparison.AtLeast, 70, startsOn.AddDays(42)),
            new PlanGoal("Run 10 km without pain in the back of the thigh", null, null, null, startsOn.AddDays(56)),
        ],
        VisitsPerWeek: 1,
        DurationWeeks: 6,
        [
            new PlanItem(PlanSetting.InClinic, InterventionCatalog.TriggerPointRelease, new Dose { HoldSeconds = 30, Sets = 3 }, "Left biceps femoris, middle third", null),
            new PlanItem(PlanSetting.Home, InterventionCatalog.HamstringStretchSupineStrap, new Dose { Sets = 3, HoldSeconds = 30, TimesPerDay = 2, DaysPerWeek = 7 }, "Within tolerance: a gentle pull, never pain", null),
            new PlanItem(PlanSetting.Home, InterventionCatalog.BallTriggerPointRelease, new Dose { HoldSeconds = 30, TimesPerDay = 1, DaysPerWeek = 5 }, "Sitting on a tennis ball under the tender spot", null),
            new PlanItem(PlanSetting.Home, InterventionCatalog.ColdTherapy, new Dose { MinutesOn = 10, MinutesOff = 15 }, "After a long run, repeated until the pain eases", null),
            .. added,
        ],
        []);
}
