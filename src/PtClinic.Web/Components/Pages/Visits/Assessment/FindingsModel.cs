using PtClinic.Application.Features.Assessment;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;

namespace PtClinic.Web.Components.Pages.Visits.Assessment;

/// <summary>The findings form's editable state; <see cref="FindingsInput"/> is what is saved and read back.</summary>
public sealed class FindingsModel
{
    /// <summary>The muscle groups tested per side; the core is tested once.</summary>
    public static readonly MuscleGroup[] LimbGroups = [MuscleGroup.Hamstrings, MuscleGroup.GluteusMaximus, MuscleGroup.GluteusMedius, MuscleGroup.Quadriceps];

    public int? PainNow { get; set; }

    public int? PainBest { get; set; }

    public int? PainWorst { get; set; }

    public string? Aggravating { get; set; }

    public string? Easing { get; set; }

    public decimal? HoursSitting { get; set; }

    public int? ActiveDays { get; set; }

    public int? TrainingLoadChange { get; set; }

    public bool? WarmsUp { get; set; }

    public bool? DietMostlyProcessed { get; set; }

    public Dictionary<RangeOfMotionTest, (int? Left, int? Right)> RangeOfMotion { get; } =
        Enum.GetValues<RangeOfMotionTest>().ToDictionary(t => t, _ => ((int?)null, (int?)null));

    public Dictionary<(MuscleGroup Group, BodySide Side), int?> Strength { get; } = new();

    public HashSet<PostureObservation> Posture { get; } = [];

    public bool? GuardingObserved { get; set; }

    public string? GuardingNote { get; set; }

    public HashSet<RedFlag> RedFlags { get; } = [];

    public bool LocalInfection { get; set; }

    public bool BrokenSkin { get; set; }

    public bool AcuteInflammation { get; set; }

    public static FindingsModel From(FindingsInput input)
    {
        var model = new FindingsModel
        {
            PainNow = input.PainNow,
            PainBest = input.PainBest24Hours,
            PainWorst = input.PainWorst24Hours,
            Aggravating = input.Aggravating,
            Easing = input.Easing,
            HoursSitting = input.HoursSittingPerDay,
            ActiveDays = input.ActiveDaysPerWeek,
            TrainingLoadChange = input.TrainingLoadChangePercent,
            WarmsUp = input.WarmsUpBeforeExercise,
            DietMostlyProcessed = input.DietMostlyProcessed,
            GuardingObserved = input.MuscleGuardingObserved,
            GuardingNote = input.MuscleGuardingNote,
            LocalInfection = input.TreatmentArea.LocalInfection,
            BrokenSkin = input.TreatmentArea.BrokenSkin,
            AcuteInflammation = input.TreatmentArea.AcuteInflammation,
        };
        foreach (var rom in input.RangeOfMotion)
        {
            model.RangeOfMotion[rom.Test] = (rom.LeftDegrees, rom.RightDegrees);
        }

        foreach (var mmt in input.Strength)
        {
            model.Strength[(mmt.MuscleGroup, mmt.Side)] = mmt.Grade;
        }

        model.Posture.UnionWith(input.Posture);
        model.RedFlags.UnionWith(input.RedFlags);
        return model;
    }

    /// <summary>
    /// A test with either side entered is sent; one side alone is reported by the save as
    /// incomplete rather than silently dropped.
    /// </summary>
    public FindingsInput ToInput() => new()
    {
        PainNow = PainNow,
        PainBest24Hours = PainBest,
        PainWorst24Hours = PainWorst,
        Aggravating = Aggravating,
        Easing = Easing,
        HoursSittingPerDay = HoursSitting,
        ActiveDaysPerWeek = ActiveDays,
        TrainingLoadChangePercent = TrainingLoadChange,
        WarmsUpBeforeExercise = WarmsUp,
        DietMostlyProcessed = DietMostlyProcessed,
        RangeOfMotion = [.. RangeOfMotion
            .Where(r => r.Value.Left is not null || r.Value.Right is not null)
            .OrderBy(r => r.Key)
            .Select(r => new RangeOfMotionInput(r.Key, r.Value.Left, r.Value.Right))],
        Strength = [.. Strength
            .Where(s => s.Value is not null)
            .OrderBy(s => s.Key.Group).ThenBy(s => s.Key.Side)
            .Select(s => new StrengthInput(s.Key.Group, s.Key.Side, s.Value!.Value))],
        Posture = [.. Posture.Order()],
        MuscleGuardingObserved = GuardingObserved,
        MuscleGuardingNote = GuardingNote,
        RedFlags = [.. RedFlags.Order()],
        TreatmentArea = new TreatmentAreaFindings { LocalInfection = LocalInfection, BrokenSkin = BrokenSkin, AcuteInflammation = AcuteInflammation },
    };
}
