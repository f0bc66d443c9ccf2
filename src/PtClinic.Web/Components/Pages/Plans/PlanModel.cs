using PtClinic.Application.Features.Plans;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Plans;

namespace PtClinic.Web.Components.Pages.Plans;

/// <summary>
/// The draft as the editor holds it: rows the inputs bind to, turned into the command's input on save.
/// Rows keep their place in one list of prescriptions, so a field error ("Plan.Items[2].Sets") finds its row.
/// </summary>
public sealed class PlanModel
{
    public DateTime? StartsOn { get; set; }

    public List<TextRow> Problems { get; } = [];

    public List<GoalRow> Goals { get; } = [];

    public int? VisitsPerWeek { get; set; }

    public int? DurationWeeks { get; set; }

    public List<ItemRow> Items { get; } = [];

    public List<string> Settled { get; } = [];

    public static PlanModel From(PlanInput plan)
    {
        var model = new PlanModel
        {
            StartsOn = plan.StartsOn.ToDateTime(TimeOnly.MinValue),
            VisitsPerWeek = plan.VisitsPerWeek,
            DurationWeeks = plan.DurationWeeks,
        };
        model.Problems.AddRange(plan.Problems.Select(p => new TextRow { Text = p }));
        model.Goals.AddRange(plan.Goals.Select(GoalRow.From));
        model.Items.AddRange(plan.Items.Select(ItemRow.From));
        model.Settled.AddRange(plan.SettledSuggestions);
        return model;
    }

    public PlanInput ToInput() => new()
    {
        StartsOn = StartsOn is { } start ? DateOnly.FromDateTime(start) : default,
        Problems = [.. Problems.Select(p => p.Text ?? string.Empty)],
        Goals = [.. Goals.Select(g => g.ToInput())],
        VisitsPerWeek = VisitsPerWeek,
        DurationWeeks = DurationWeeks,
        Items = [.. Items.Select(i => i.ToInput())],
        SettledSuggestions = [.. Settled],
    };
}

public sealed class TextRow
{
    public string? Text { get; set; }
}

public sealed class GoalRow
{
    public OutcomeMeasure? Measure { get; set; }

    public GoalComparison? Comparison { get; set; } = GoalComparison.AtMost;

    public decimal? Target { get; set; }

    public string? Description { get; set; }

    public DateTime? TargetDate { get; set; }

    public static GoalRow From(GoalInput goal) => new()
    {
        Measure = goal.Measure,
        Comparison = goal.Comparison ?? GoalComparison.AtMost,
        Target = goal.Target,
        Description = goal.Description,
        TargetDate = goal.TargetDate?.ToDateTime(TimeOnly.MinValue),
    };

    public GoalInput ToInput() => new(
        Description, Measure, Measure is null ? null : Comparison, Measure is null ? null : Target,
        TargetDate is { } date ? DateOnly.FromDateTime(date) : null);
}

public sealed class ItemRow
{
    public PlanSetting Setting { get; set; }

    public string Code { get; set; } = string.Empty;

    public int? Sets { get; set; }

    public int? Reps { get; set; }

    public int? HoldSeconds { get; set; }

    public int? MinutesOn { get; set; }

    public int? MinutesOff { get; set; }

    public int? TimesPerDay { get; set; }

    public int? DaysPerWeek { get; set; }

    public string? Notes { get; set; }

    public string? Justification { get; set; }

    public static ItemRow From(PlanItemInput item) => new()
    {
        Setting = item.Setting, Code = item.InterventionCode, Sets = item.Sets, Reps = item.Reps, HoldSeconds = item.HoldSeconds,
        MinutesOn = item.MinutesOn, MinutesOff = item.MinutesOff, TimesPerDay = item.TimesPerDay, DaysPerWeek = item.DaysPerWeek,
        Notes = item.Notes, Justification = item.Justification,
    };

    public PlanItemInput ToInput() => new(
        Setting, Code, Sets, Reps, HoldSeconds, MinutesOn, MinutesOff, TimesPerDay, DaysPerWeek, Notes, Justification);
}

public static class PlanText
{
    public static string Describe(PlanSetting setting) => setting == PlanSetting.Home ? "Home program" : "In clinic";

    public static string Describe(OutcomeMeasure measure) => OutcomeMeasureDefinition.For(measure).Abbreviation;

    public static string Describe(GoalComparison comparison) => comparison == GoalComparison.AtMost ? "≤ at most" : "≥ at least";
}
