using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;

namespace PtClinic.Web.Components.Pages.Visits.Assessment;

/// <summary>How the assessment's codes read on screen, in one place.</summary>
public static class AssessmentText
{
    public static string Describe(ReferredPainArea area) => area switch
    {
        ReferredPainArea.Buttock => "Buttock",
        ReferredPainArea.PosteriorThigh => "Posterior thigh",
        ReferredPainArea.LowerLeg => "Lower leg",
        ReferredPainArea.LowerBack => "Lower back",
        _ => area.ToString(),
    };

    public static string Describe(RootCause cause) => cause switch
    {
        RootCause.SedentaryLifestyle => "Sedentary lifestyle",
        RootCause.Overexertion => "Overexertion",
        RootCause.PoorPosture => "Poor posture",
        RootCause.MuscleGuarding => "Muscle guarding",
        RootCause.Weakness => "Weakness",
        RootCause.ReducedFlexibility => "Reduced flexibility",
        _ => cause.ToString(),
    };

    public static string Describe(PostureObservation posture) => posture switch
    {
        PostureObservation.AnteriorPelvicTilt => "Anterior pelvic tilt",
        PostureObservation.PosteriorPelvicTilt => "Posterior pelvic tilt",
        PostureObservation.IncreasedLordosis => "Increased lumbar lordosis",
        PostureObservation.FlatBack => "Flat back",
        PostureObservation.Swayback => "Swayback",
        PostureObservation.SlumpedSitting => "Slumped sitting",
        PostureObservation.ForwardHeadPosture => "Forward head posture",
        PostureObservation.KneeHyperextension => "Knee hyperextension",
        _ => posture.ToString(),
    };

    public static string Describe(RedFlag flag) => flag switch
    {
        RedFlag.Numbness => "Numbness",
        RedFlag.Weakness => "Weakness",
        RedFlag.NightPain => "Night pain",
        RedFlag.Fever => "Fever",
        RedFlag.UnexplainedWeightLoss => "Unexplained weight loss",
        RedFlag.BladderOrBowelChange => "Bladder or bowel change",
        RedFlag.CalfSwellingWithWarmth => "Calf swelling with warmth",
        _ => flag.ToString(),
    };

    public static string Describe(MuscleGroup group) => group switch
    {
        MuscleGroup.Hamstrings => "Hamstrings",
        MuscleGroup.GluteusMaximus => "Gluteus maximus",
        MuscleGroup.GluteusMedius => "Gluteus medius",
        MuscleGroup.Quadriceps => "Quadriceps",
        MuscleGroup.Core => "Core",
        _ => group.ToString(),
    };

    public static string Describe(BodySide side) => side switch
    {
        BodySide.Left => "left",
        BodySide.Right => "right",
        BodySide.Bilateral => "both sides",
        _ => "",
    };

    public static string Describe(MuscleZone zone) => zone switch
    {
        MuscleZone.ProximalThird => "proximal third",
        MuscleZone.MiddleThird => "middle third",
        MuscleZone.DistalThird => "distal third",
        _ => zone.ToString(),
    };

    /// <summary>A score as a therapist reads it, one decimal: "52 / 80", "34 %"; without the maximum when space is short.</summary>
    public static string Score(decimal score, OutcomeMeasure measure, bool withMaximum = true)
    {
        var rounded = Math.Round(score, 1, MidpointRounding.AwayFromZero);
        var definition = OutcomeMeasureDefinition.For(measure);
        return measure == OutcomeMeasure.Odi ? $"{rounded:0.#} %"
            : withMaximum ? $"{rounded:0.#} / {definition.Maximum:0}"
            : $"{rounded:0.#}";
    }

    /// <summary>A change with its sign: "+12", "-3".</summary>
    public static string Change(decimal change)
    {
        var rounded = Math.Round(change, 1, MidpointRounding.AwayFromZero);
        return rounded > 0 ? $"+{rounded:0.#}" : $"{rounded:0.#}";
    }

    /// <summary>"Tenderness 7/10, active, twitch, refers to lower leg".</summary>
    public static string Summary(Application.Features.Assessment.KnotDto knot)
    {
        var parts = new List<string> { $"tenderness {knot.Tenderness}/10", knot.IsActive ? "active" : "latent" };
        if (knot.PressurePainThreshold is { } ppt)
        {
            parts.Add($"PPT {ppt:0.0} kg/cm²");
        }

        if (knot.SizeMm is { } size)
        {
            parts.Add($"{size} mm");
        }

        if (knot.LocalTwitchResponse)
        {
            parts.Add("local twitch");
        }

        if (knot.ReferredPain.Count > 0)
        {
            parts.Add("refers to " + string.Join(", ", knot.ReferredPain.Select(a => Describe(a).ToLowerInvariant())));
        }

        return string.Join(", ", parts);
    }
}
