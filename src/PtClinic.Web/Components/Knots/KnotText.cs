using PtClinic.Domain.Knots;

namespace PtClinic.Web.Components.Knots;

/// <summary>How knot states read and look on every page: one word, one colour each (body-chart.css has the same).</summary>
public static class KnotText
{
    public static string Label(KnotState state) => state switch
    {
        KnotState.New => "New",
        KnotState.Persisting => "Persisting",
        KnotState.Improving => "Improving",
        KnotState.Worsening => "Worsening",
        KnotState.Resolved => "Resolved",
        KnotState.Recurred => "Recurred",
        _ => state.ToString(),
    };

    /// <summary>The CSS modifier, e.g. "recurred" for <c>knot-state--recurred</c> and <c>bc-zone--state-recurred</c>.</summary>
    public static string Css(KnotState state) => state.ToString().ToLowerInvariant();

    /// <summary>Colours that stay apart for the common colour-vision deficiencies, and each state also has its word.</summary>
    public static string Colour(KnotState state) => state switch
    {
        KnotState.New => "#1565c0",
        KnotState.Persisting => "#b26a00",
        KnotState.Improving => "#2e7d32",
        KnotState.Worsening => "#c62828",
        KnotState.Resolved => "#757575",
        KnotState.Recurred => "#6a1b9a",
        _ => "#424242",
    };

    /// <summary>"present 21 days · came back once", the counts a therapist asks about.</summary>
    public static string Counts(Application.Features.Knots.KnotSiteDto site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var parts = new List<string>();
        if (site.State != KnotState.Resolved)
        {
            parts.Add(site.DaysPresent switch { 0 => "found at the last visit", 1 => "present 1 day", var days => $"present {days} days" });
        }
        else if (site.DaysSinceLastResolution is { } days)
        {
            parts.Add(days == 1 ? "resolved 1 day ago" : $"resolved {days} days ago");
        }

        if (site.RecurrenceCount > 0)
        {
            parts.Add(site.RecurrenceCount switch { 1 => "came back once", 2 => "came back twice", var n => $"came back {n} times" });
        }

        if (site.LatestTenderness is { } tenderness)
        {
            parts.Add($"tenderness {tenderness}/10");
        }

        return string.Join(" · ", parts);
    }
}
