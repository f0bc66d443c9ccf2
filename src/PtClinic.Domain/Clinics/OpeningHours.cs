using PtClinic.Domain.Common;

namespace PtClinic.Domain.Clinics;

/// <summary>The hours of one day the clinic is open; a day without one is closed.</summary>
public sealed record OpenDay
{
    public OpenDay(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        if (!Enum.IsDefined(day))
        {
            throw new DomainException("Opening hours need a day of the week.");
        }

        if (closes <= opens)
        {
            throw new DomainException($"On {day} the clinic must close after it opens.");
        }

        Day = day;
        Opens = opens;
        Closes = closes;
    }

    public DayOfWeek Day { get; }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }
}

/// <summary>The clinic's week: for each day, closed or open from one time to a later one.</summary>
public sealed class OpeningHours
{
    /// <summary>Monday first, as clinics in the places we serve print their hours.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static OpeningHours Closed { get; } = new([]);

    private OpeningHours(IReadOnlyList<OpenDay> openDays) => OpenDays = openDays;

    /// <summary>The days the clinic opens, Monday first.</summary>
    public IReadOnlyList<OpenDay> OpenDays { get; }

    public static OpeningHours Of(IEnumerable<OpenDay> openDays)
    {
        ArgumentNullException.ThrowIfNull(openDays);
        var days = openDays.ToList();
        if (days.GroupBy(d => d.Day).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"{twice.Key} has more than one set of opening hours.");
        }

        return new OpeningHours([.. days.OrderBy(d => MondayFirst(d.Day))]);
    }

    /// <summary>The hours of <paramref name="day"/>, or null when the clinic is closed that day.</summary>
    public OpenDay? On(DayOfWeek day) => OpenDays.FirstOrDefault(d => d.Day == day);

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
