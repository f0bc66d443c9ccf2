using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.Web.Services;

/// <summary>The words a clinic uses for the enums the domain stores.</summary>
public static class VisitTypes
{
    public static string Describe(VisitType type) => type switch
    {
        VisitType.InitialEvaluation => "Initial evaluation",
        VisitType.FollowUp => "Follow-up",
        VisitType.ProgressNote => "Progress note / re-evaluation",
        VisitType.Discharge => "Discharge visit",
        _ => type.ToString(),
    };

    public static string Describe(VisitStatus status) => status switch
    {
        VisitStatus.CheckedIn => "Checked in",
        VisitStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string Describe(EpisodeStatus status) => status switch
    {
        EpisodeStatus.OnHold => "On hold",
        _ => status.ToString(),
    };

    public static string Describe(DischargeReason reason) => reason switch
    {
        DischargeReason.GoalsMet => "Goals met",
        DischargeReason.PlateauOrReferredOn => "Plateau / referred on",
        DischargeReason.StoppedAttending => "Patient stopped attending",
        _ => "Other",
    };

    public static string Describe(BodyRegion region) => region switch
    {
        BodyRegion.LowerBack => "Lower back",
        BodyRegion.PosteriorThigh => "Posterior thigh (hamstring)",
        BodyRegion.AnteriorThigh => "Anterior thigh",
        BodyRegion.LowerLeg => "Lower leg",
        BodyRegion.AnkleFoot => "Ankle / foot",
        _ => region.ToString(),
    };

    public static string Describe(BodySide side) => side switch
    {
        BodySide.NotApplicable => "n/a",
        _ => side.ToString(),
    };
}
