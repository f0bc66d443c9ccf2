using PtClinic.Domain.Treatment;

namespace PtClinic.Web.Components.Pages.Visits.Treatment;

/// <summary>The words the treatment section and the dry-needling dialog show for the domain's codes.</summary>
public static class TreatmentText
{
    public static string Describe(DryNeedlingTechnique technique) => technique switch
    {
        DryNeedlingTechnique.Pistoning => "Pistoning (fast in, fast out)",
        DryNeedlingTechnique.Static => "Static (left in place)",
        DryNeedlingTechnique.Rotation => "Rotation",
        _ => technique.ToString(),
    };

    public static string Describe(AdverseEventKind kind) => kind switch
    {
        AdverseEventKind.Bruising => "Bruising",
        AdverseEventKind.Bleeding => "Bleeding",
        AdverseEventKind.PostNeedlingSoreness => "Post-needling soreness",
        AdverseEventKind.Fainting => "Fainting",
        AdverseEventKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Describe(AdverseEventSeverity severity) => severity switch
    {
        AdverseEventSeverity.Minor => "minor",
        AdverseEventSeverity.Moderate => "moderate",
        AdverseEventSeverity.Severe => "severe",
        _ => severity.ToString(),
    };

    public static string Describe(BillingKind billing) => billing switch
    {
        BillingKind.Timed => "timed",
        BillingKind.Untimed => "untimed",
        _ => "not billed",
    };

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Describe(AdverseEvent e) =>
        $"{Describe(e.Kind)} ({Describe(e.Severity)})"
        + (e.Description is { } what ? $": {what}" : "")
        + (e.ActionTaken is { } action ? $"; action: {action}" : "");
}
