using PtClinic.Domain.Episodes;
using PtClinic.Domain.Treatment;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>What therapists write, by body region: complaints, SOAP lines, plan problems, activities.</summary>
internal static class Texts
{
    public static readonly IReadOnlyList<(BodyRegion Region, double Weight)> Regions =
    [
        (BodyRegion.LowerBack, 34), (BodyRegion.Pelvis, 7), (BodyRegion.Hip, 10), (BodyRegion.PosteriorThigh, 14),
        (BodyRegion.AnteriorThigh, 4), (BodyRegion.Knee, 15), (BodyRegion.LowerLeg, 6), (BodyRegion.AnkleFoot, 8), (BodyRegion.Other, 2),
    ];

    public static IReadOnlyList<string> Complaints(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack => ["Low back pain after lifting, radiating to the buttock", "Stiff, aching lower back after long days at the desk", "Recurrent low back pain, worse in the mornings", "Low back pain bending to garden"],
        BodyRegion.Pelvis => ["Buttock pain sitting at the desk, worse in the afternoon", "Deep buttock ache when running hills"],
        BodyRegion.Hip => ["Hip pain on stairs and getting out of the car", "Outer hip pain lying on the side at night"],
        BodyRegion.PosteriorThigh => ["Posterior thigh tightness after sprinting", "Hamstring strain at five-a-side football", "Back of the thigh pain on long runs"],
        BodyRegion.AnteriorThigh => ["Front of the thigh pain after a kick", "Quadriceps tightness after a cycling block"],
        BodyRegion.Knee => ["Knee pain going down stairs", "Pain at the front of the knee when squatting", "Knee stiffness after a twisting injury"],
        BodyRegion.LowerLeg => ["Calf cramps and tightness when running uphill", "Calf strain on the tennis court"],
        BodyRegion.AnkleFoot => ["Ankle sprain on a trail run", "Heel pain with the first steps in the morning"],
        _ => ["Widespread muscle aches after a change of job", "Tightness in both legs after a marathon"],
    };

    public static readonly string[] ReferralSources = ["GP", "Self-referral", "Orthopaedic consultant", "Sports club", "Occupational health", "Insurer"];

    public static readonly string[] Occupations = ["Office worker", "Nurse", "Teacher", "Builder", "Retired", "Student", "Software developer", "Delivery driver", "Chef", "Warehouse operative", "Accountant", "Electrician"];

    public static readonly string[] CancellationReasons = ["Patient unwell", "Work commitments", "Childcare", "Clinic rescheduled", "Transport problems", "Patient on holiday"];

    public static readonly string[] HoldReasons = ["Awaiting an MRI scan", "Patient travelling for a month", "Awaiting consultant review", "Patient recovering from an unrelated illness"];

    public static string DischargeNote(DischargeReason reason) => reason switch
    {
        DischargeReason.GoalsMet => "Goals met; independent with the home program.",
        DischargeReason.PlateauOrReferredOn => "Progress has plateaued; referred back to the GP for review.",
        DischargeReason.StoppedAttending => "Did not rebook after the last visit; discharged after a reminder.",
        _ => "Moved away; care transferred.",
    };

    public static readonly string[] Subjectives =
    [
        "Feels better than last visit; pain mainly at the end of the day.",
        "Sore after the weekend's activity, settled within a day.",
        "Has kept up the home program most days.",
        "Slept better this week; less stiffness in the morning.",
        "A flare-up on Tuesday after a long drive.",
        "Managing work with regular breaks.",
    ];

    public static readonly string[] Objectives =
    [
        "Palpation of the tracked sites; range improving.",
        "Tenderness reduced on palpation; strength 4/5.",
        "Movement less guarded; functional squat to 90°.",
        "Range of motion unchanged since the last visit.",
        "Gait normal; single-leg balance 20 s each side.",
    ];

    public static readonly string[] Assessments =
    [
        "Myofascial component settling with load management.",
        "Responding to treatment as expected.",
        "Slower progress than planned; review the home program.",
        "Improving; load tolerance up.",
    ];

    public static readonly string[] Plans =
    [
        "Continue the plan; review in a week.",
        "Progress the loading; review in 10 days.",
        "Soft-tissue work, eccentric loading, review in a week.",
        "Home program reinforced; next visit in two weeks.",
    ];

    public static readonly string[] Problems =
    [
        "Pain limiting sitting tolerance", "Reduced flexibility", "Weakness of the hip extensors", "Active trigger points",
        "Reduced walking tolerance", "Difficulty with stairs", "Disturbed sleep from pain", "Reduced running tolerance",
    ];

    public static IReadOnlyList<string> Activities(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack or BodyRegion.Pelvis => ["Sit through a 2-hour meeting", "Lift a child", "Garden for an hour", "Drive for an hour", "Put socks on"],
        BodyRegion.Knee or BodyRegion.AnteriorThigh => ["Walk down stairs", "Kneel to garden", "Squat to lift a box", "Play five-a-side", "Cycle to work"],
        BodyRegion.AnkleFoot or BodyRegion.LowerLeg => ["Run 5 km", "Walk the dog for an hour", "Stand through a shift", "Play tennis"],
        _ => ["Run 10 km", "Walk uphill", "Climb two flights of stairs", "Sit through a film", "Play with the grandchildren"],
    };

    /// <summary>Interventions a clinician gives in the clinic, by region (catalog codes).</summary>
    public static IReadOnlyList<string> InClinic(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack or BodyRegion.Pelvis =>
            [InterventionCatalog.HeatTherapy, InterventionCatalog.DeepTissueMassage, InterventionCatalog.TriggerPointRelease, InterventionCatalog.PostureCorrection, InterventionCatalog.GluteBridge, InterventionCatalog.EducationPosture],
        BodyRegion.PosteriorThigh or BodyRegion.Hip =>
            [InterventionCatalog.HamstringStretchSupineStrap, InterventionCatalog.TriggerPointRelease, InterventionCatalog.SportsMassage, InterventionCatalog.GluteBridge, InterventionCatalog.DonkeyKick, InterventionCatalog.EducationWarmUp],
        _ =>
            [InterventionCatalog.SportsMassage, InterventionCatalog.ColdTherapy, InterventionCatalog.TriggerPointRelease, InterventionCatalog.HeatTherapy, InterventionCatalog.DeepTissueMassage, InterventionCatalog.SwedishMassage],
    };

    public static IReadOnlyList<string> Home(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack or BodyRegion.Pelvis => [InterventionCatalog.MovementBreaks, InterventionCatalog.BallTriggerPointRelease, InterventionCatalog.GluteBridge, InterventionCatalog.HeatTherapy],
        BodyRegion.PosteriorThigh or BodyRegion.Hip => [InterventionCatalog.HamstringStretchSupineStrap, InterventionCatalog.BallTriggerPointRelease, InterventionCatalog.ColdTherapy, InterventionCatalog.GluteBridge],
        _ => [InterventionCatalog.ColdTherapy, InterventionCatalog.SelfMassage, InterventionCatalog.AerobicExercise, InterventionCatalog.YogaFlexibility],
    };

    /// <summary>Muscles the body chart tracks for a region (codes of the muscle catalog).</summary>
    public static IReadOnlyList<string> Muscles(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack => ["lumbar-paraspinals", "quadratus-lumborum", "gluteus-medius"],
        BodyRegion.Pelvis or BodyRegion.Hip => ["gluteus-maximus", "gluteus-medius", "piriformis"],
        BodyRegion.PosteriorThigh => ["biceps-femoris-long-head", "biceps-femoris-short-head", "semitendinosus", "semimembranosus", "adductor-magnus"],
        BodyRegion.Knee or BodyRegion.AnteriorThigh => ["biceps-femoris-long-head", "semitendinosus", "gastrocnemius"],
        BodyRegion.LowerLeg or BodyRegion.AnkleFoot => ["gastrocnemius"],
        _ => ["gluteus-medius", "gastrocnemius", "lumbar-paraspinals", "biceps-femoris-long-head"],
    };
}
