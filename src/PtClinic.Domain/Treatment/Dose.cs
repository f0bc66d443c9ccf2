using System.Globalization;
using PtClinic.Domain.Common;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// How much of an intervention: any of sets, repetitions, hold, minutes on and off, times a day and
/// days a week. Every part is optional (rest has none); each that is given is within the bounds
/// below, which the forms and validators use too.
/// </summary>
public sealed record Dose
{
    public const int MaxSets = 10;
    public const int MaxReps = 100;

    /// <summary>Five minutes: a stretch or a release is held for seconds, never for hours.</summary>
    public const int MaxHoldSeconds = 300;

    public const int MaxMinutes = 120;
    public const int MaxTimesPerDay = 10;
    public const int MaxDaysPerWeek = 7;

    public static Dose None { get; } = new();

    public int? Sets { get; init; }

    public int? Reps { get; init; }

    public int? HoldSeconds { get; init; }

    public int? MinutesOn { get; init; }

    /// <summary>The pause between two applications (cold: 15 minutes off).</summary>
    public int? MinutesOff { get; init; }

    public int? TimesPerDay { get; init; }

    public int? DaysPerWeek { get; init; }

    public bool IsEmpty => this == None;

    /// <summary>The dose, or the first part out of its bounds as a sentence a therapist reads.</summary>
    public Dose Checked()
    {
        Check(Sets, 1, MaxSets, "Sets");
        Check(Reps, 1, MaxReps, "Repetitions");
        Check(HoldSeconds, 1, MaxHoldSeconds, "The hold", "seconds");
        Check(MinutesOn, 1, MaxMinutes, "Minutes on", null);
        Check(MinutesOff, 1, MaxMinutes, "Minutes off", null);
        Check(TimesPerDay, 1, MaxTimesPerDay, "Times a day");
        Check(DaysPerWeek, 1, MaxDaysPerWeek, "Days a week");
        return this;
    }

    /// <summary>
    /// The dose in plain words, as a handout or a note prints it: "3 sets of 10, hold 30 seconds,
    /// twice a day, 5 days a week"; "10 minutes on, 15 minutes off".
    /// </summary>
    public string Describe()
    {
        var parts = new List<string>();
        switch (Sets, Reps)
        {
            case ({ } sets, { } reps):
                parts.Add(Text($"{sets} {Plural(sets, "set")} of {reps}"));
                break;
            case ({ } sets, null):
                parts.Add(Text($"{sets} {Plural(sets, "set")}"));
                break;
            case (null, { } reps):
                parts.Add(Text($"{reps} {Plural(reps, "repetition")}"));
                break;
        }

        if (HoldSeconds is { } hold)
        {
            parts.Add(Text($"hold {hold} {Plural(hold, "second")}"));
        }

        if (MinutesOn is { } on)
        {
            parts.Add(Text($"{on} {Plural(on, "minute")}{(MinutesOff is null ? string.Empty : " on")}"));
        }

        if (MinutesOff is { } off)
        {
            parts.Add(Text($"{off} {Plural(off, "minute")} off"));
        }

        if (TimesPerDay is { } times)
        {
            parts.Add(times switch { 1 => "once a day", 2 => "twice a day", _ => Text($"{times} times a day") });
        }

        if (DaysPerWeek is { } days)
        {
            parts.Add(days == MaxDaysPerWeek ? "every day" : Text($"{days} {Plural(days, "day")} a week"));
        }

        return string.Join(", ", parts);
    }

    private static void Check(int? value, int min, int max, string name, string? unit = null)
    {
        if (value is { } given && (given < min || given > max))
        {
            throw new DomainException(unit is null
                ? $"{name} must be {min} to {max}."
                : $"{name} must be {min} to {max} {unit}.");
        }
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
