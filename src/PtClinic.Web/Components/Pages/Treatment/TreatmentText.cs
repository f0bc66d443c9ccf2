using PtClinic.Domain.Treatment;

namespace PtClinic.Web.Components.Pages.Treatment;

/// <summary>How the catalog's codes read on a page.</summary>
public static class TreatmentText
{
    public static string Category(InterventionCategory category) => category switch
    {
        InterventionCategory.HeatAndCold => "Heat and cold",
        InterventionCategory.Stretching => "Stretching",
        InterventionCategory.Exercise => "Exercise",
        InterventionCategory.Strengthening => "Strengthening",
        InterventionCategory.PostureCorrection => "Posture correction",
        InterventionCategory.Massage => "Massage",
        InterventionCategory.TriggerPointRelease => "Trigger-point release",
        InterventionCategory.DryNeedling => "Dry needling",
        InterventionCategory.MuscleRub => "Muscle rub",
        InterventionCategory.Rest => "Rest and load",
        InterventionCategory.Education => "Education",
        _ => category.ToString(),
    };

    public static string Performer(Performer performer) => performer switch
    {
        Domain.Treatment.Performer.Clinician => "Clinician",
        Domain.Treatment.Performer.Home => "Home",
        Domain.Treatment.Performer.Both => "Clinic or home",
        _ => performer.ToString(),
    };

    public static string Billing(BillingKind billing, string? cpt) => billing switch
    {
        Domain.Treatment.BillingKind.Timed => $"{cpt} · timed",
        Domain.Treatment.BillingKind.Untimed => $"{cpt} · untimed",
        _ => "Not billed",
    };

    public static string BillingKindName(BillingKind billing) => billing switch
    {
        Domain.Treatment.BillingKind.Timed => "Timed (15-minute units)",
        Domain.Treatment.BillingKind.Untimed => "Untimed (once per visit)",
        _ => "Not billed",
    };

    public static string Contraindication(Contraindication code) => code switch
    {
        Domain.Treatment.Contraindication.Anticoagulants => "Anticoagulants",
        Domain.Treatment.Contraindication.BleedingDisorder => "Bleeding disorder",
        Domain.Treatment.Contraindication.NeedlePhobia => "Needle phobia",
        Domain.Treatment.Contraindication.Lymphoedema => "Lymphoedema",
        Domain.Treatment.Contraindication.LocalInfection => "Local infection",
        Domain.Treatment.Contraindication.NoDryNeedlingConsent => "No dry-needling consent",
        Domain.Treatment.Contraindication.NoDryNeedlingCredential => "No dry-needling credential",
        Domain.Treatment.Contraindication.AcuteInflammation => "Acute inflammation",
        Domain.Treatment.Contraindication.ImpairedSensation => "Impaired sensation",
        Domain.Treatment.Contraindication.Raynauds => "Raynaud's",
        Domain.Treatment.Contraindication.SuspectedDeepVeinThrombosis => "Suspected DVT",
        Domain.Treatment.Contraindication.BrokenSkin => "Broken skin",
        Domain.Treatment.Contraindication.Pregnancy => "Pregnancy",
        _ => code.ToString(),
    };
}
