using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Plans;

/// <summary>A plan's content as the page edits it and reads it back.</summary>
public sealed record PlanInput
{
    public DateOnly StartsOn { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public IReadOnlyList<GoalInput> Goals { get; init; } = [];

    public int? VisitsPerWeek { get; init; }

    public int? DurationWeeks { get; init; }

    public IReadOnlyList<PlanItemInput> Items { get; init; } = [];

    public IReadOnlyList<string> SettledSuggestions { get; init; } = [];

    public PlanContent ToContent() => new(
        StartsOn,
        [.. Problems],
        [.. Goals.Select(g => new PlanGoal(g.Description ?? string.Empty, g.Measure, g.Measure is null ? null : g.Comparison, g.Measure is null ? null : g.Target, g.TargetDate ?? default))],
        VisitsPerWeek,
        DurationWeeks,
        [.. Items.Select(i => i.ToItem())],
        [.. SettledSuggestions]);

    public static PlanInput From(PlanContent content) => new()
    {
        StartsOn = content.StartsOn,
        Problems = [.. content.Problems],
        Goals = [.. content.Goals.Select(g => new GoalInput(g.Description, g.Measure, g.Comparison, g.Target, g.TargetDate))],
        VisitsPerWeek = content.VisitsPerWeek,
        DurationWeeks = content.DurationWeeks,
        Items = [.. content.Items.Select(PlanItemInput.From)],
        SettledSuggestions = [.. content.SettledSuggestions],
    };
}

/// <summary>A goal: with a measure, a comparison and a target it is measured; without, the description is the functional goal.</summary>
public sealed record GoalInput(string? Description, OutcomeMeasure? Measure, GoalComparison? Comparison, decimal? Target, DateOnly? TargetDate);

public sealed record PlanItemInput(
    PlanSetting Setting,
    string InterventionCode,
    int? Sets = null,
    int? Reps = null,
    int? HoldSeconds = null,
    int? MinutesOn = null,
    int? MinutesOff = null,
    int? TimesPerDay = null,
    int? DaysPerWeek = null,
    string? Notes = null,
    string? Justification = null)
{
    public Dose Dose => new()
    {
        Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, MinutesOn = MinutesOn, MinutesOff = MinutesOff,
        TimesPerDay = TimesPerDay, DaysPerWeek = DaysPerWeek,
    };

    public PlanItem ToItem() => new(Setting, InterventionCode, Dose, Notes, Justification);

    public static PlanItemInput From(PlanItem item) => new(
        item.Setting, item.InterventionCode, item.Dose.Sets, item.Dose.Reps, item.Dose.HoldSeconds, item.Dose.MinutesOn,
        item.Dose.MinutesOff, item.Dose.TimesPerDay, item.Dose.DaysPerWeek, item.Notes, item.Justification);

    /// <summary>A new prescription with the catalog entry's usual dose.</summary>
    public static PlanItemInput WithDefaultDose(InterventionDefinition intervention, PlanSetting setting)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        var d = intervention.DefaultDose;
        return new(setting, intervention.Code, d.Sets, d.Reps, d.HoldSeconds, d.MinutesOn, d.MinutesOff, d.TimesPerDay, d.DaysPerWeek);
    }
}
