using System.Globalization;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Plans;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// What a handout says in our own words, for a patient reading it at home: the safety box, the
/// red-flag symptoms, and the plan's goals put as a person would say them.
/// </summary>
public static class HandoutWording
{
    /// <summary>The safety box's first lines, on every handout.</summary>
    public static IReadOnlyList<string> Warnings(string? clinicPhone) =>
    [
        clinicPhone is { Length: > 0 } phone
            ? $"Stop the exercise and call the clinic on {phone} if your pain sharply increases."
            : "Stop the exercise and call the clinic if your pain sharply increases.",
        "Some aching or tiredness for a day after exercise is normal; pain that is worse each day is not.",
        "See a doctor if your pain persists or keeps coming back despite the program.",
    ];

    /// <summary>The symptoms to act on the same day, in plain words; the calf last, as the most urgent to tell apart from a knot.</summary>
    public static IReadOnlyList<string> RedFlagSymptoms { get; } = [.. Enum.GetValues<RedFlag>().Select(Symptom)];

    public static string Symptom(RedFlag flag) => flag switch
    {
        RedFlag.Numbness => "Numbness or pins and needles that spreads or gets worse",
        RedFlag.Weakness => "New weakness in an arm or leg, or a foot that catches when you walk",
        RedFlag.NightPain => "Pain that wakes you at night and does not ease when you change position",
        RedFlag.Fever => "Fever, chills or feeling unwell along with the pain",
        RedFlag.UnexplainedWeightLoss => "Losing weight without trying",
        RedFlag.BladderOrBowelChange => "Any change in bladder or bowel control, or numbness between the legs: get urgent care at once",
        RedFlag.CalfSwellingWithWarmth => "A calf that is warm, swollen and painful: do not massage it, get it checked the same day",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a red flag."),
    };

    /// <summary>
    /// A goal as the patient reads it: a functional goal in their own words; a measured one turned
    /// into words ("Pain no more than 2 out of 10 after 30 min sitting, by 30 December 2026").
    /// </summary>
    public static string Goal(PlanGoal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var by = goal.TargetDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (goal.Measure is not { } measure)
        {
            return $"{goal.Description}, by {by}";
        }

        var definition = OutcomeMeasureDefinition.For(measure);
        var target = goal.Target?.ToString("0.#", CultureInfo.InvariantCulture);
        var bound = goal.Comparison == GoalComparison.AtLeast ? "at least" : "no more than";
        var condition = string.IsNullOrWhiteSpace(goal.Description) ? string.Empty : " " + goal.Description.Trim();
        var what = measure switch
        {
            OutcomeMeasure.Nprs => $"Pain {bound} {target} out of 10{condition}",
            OutcomeMeasure.Lefs => $"A score of {bound} {target} out of 80 on the leg function questionnaire{condition}",
            OutcomeMeasure.Psfs => $"Your own activities rated {bound} {target} out of 10{condition}",
            OutcomeMeasure.Odi => $"A score of {bound} {target}% on the back pain questionnaire{condition}",
            _ => $"{definition.Name} {bound} {target}{condition}",
        };
        return $"{what}, by {by}";
    }

    /// <summary>The catalog's patient wording, one step a line, blank lines and list marks dropped.</summary>
    public static IReadOnlyList<string> Steps(string patientWording) =>
    [
        .. (patientWording ?? string.Empty)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimStart('-', '*', '•', ' ').Trim())
            .Where(line => line.Length > 0),
    ];
}
