using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// How a plan version's content is stored: one jsonb document of its own explicit shape (a rename in
/// the domain never changes what an old plan reads back), enums by name, absent parts omitted. A
/// version's goals and prescriptions live in its row, so the trigger that freezes a signed row
/// freezes them with it. Read back as stored: a signed plan is shown as it was certified, never re-checked.
/// </summary>
internal static class PlanContentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<PlanContent, string> Converter { get; } = new(
        content => Serialize(content),
        json => Deserialize(json));

    public static ValueComparer<PlanContent> Comparer { get; } = new(
        (a, b) => Serialize(a!) == Serialize(b!),
        content => Serialize(content).GetHashCode(StringComparison.Ordinal),
        content => content);

    public static string Serialize(PlanContent content) => JsonSerializer.Serialize(Document.From(content), Options);

    public static PlanContent Deserialize(string json) =>
        (JsonSerializer.Deserialize<Document>(json, Options) ?? new Document()).ToContent();

    private sealed record Document
    {
        public DateOnly StartsOn { get; init; }

        public List<string>? Problems { get; init; }

        public List<GoalDocument>? Goals { get; init; }

        public int? VisitsPerWeek { get; init; }

        public int? DurationWeeks { get; init; }

        public List<ItemDocument>? Items { get; init; }

        public List<string>? SettledSuggestions { get; init; }

        public static Document From(PlanContent c) => new()
        {
            StartsOn = c.StartsOn,
            Problems = c.Problems.Count == 0 ? null : [.. c.Problems],
            Goals = c.Goals.Count == 0 ? null : [.. c.Goals.Select(g => new GoalDocument(g.Description, g.Measure, g.Comparison, g.Target, g.TargetDate))],
            VisitsPerWeek = c.VisitsPerWeek,
            DurationWeeks = c.DurationWeeks,
            Items = c.Items.Count == 0 ? null : [.. c.Items.Select(i => new ItemDocument(
                i.Setting, i.InterventionCode, i.Dose.Sets, i.Dose.Reps, i.Dose.HoldSeconds, i.Dose.MinutesOn, i.Dose.MinutesOff,
                i.Dose.TimesPerDay, i.Dose.DaysPerWeek, i.Notes, i.Justification))],
            SettledSuggestions = c.SettledSuggestions.Count == 0 ? null : [.. c.SettledSuggestions],
        };

        public PlanContent ToContent() => new(
            StartsOn,
            [.. Problems ?? []],
            [.. (Goals ?? []).Select(g => new PlanGoal(g.Description ?? string.Empty, g.Measure, g.Comparison, g.Target, g.TargetDate))],
            VisitsPerWeek,
            DurationWeeks,
            [.. (Items ?? []).Select(i => new PlanItem(
                i.Setting, i.Code,
                new Dose
                {
                    Sets = i.Sets, Reps = i.Reps, HoldSeconds = i.HoldSeconds, MinutesOn = i.MinutesOn, MinutesOff = i.MinutesOff,
                    TimesPerDay = i.TimesPerDay, DaysPerWeek = i.DaysPerWeek,
                },
                i.Notes, i.Justification))],
            [.. SettledSuggestions ?? []]);
    }

    private sealed record GoalDocument(string? Description, OutcomeMeasure? Measure, GoalComparison? Comparison, decimal? Target, DateOnly TargetDate);

    private sealed record ItemDocument(
        PlanSetting Setting, string Code, int? Sets, int? Reps, int? HoldSeconds, int? MinutesOn, int? MinutesOff,
        int? TimesPerDay, int? DaysPerWeek, string? Notes, string? Justification);
}
