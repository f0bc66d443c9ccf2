using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Reasoning;

namespace PtClinic.Web.Components.Pages.Outcomes;

/// <summary>
/// A dashboard filter as a query string and back: the page, the drill-down, the CSV links and the
/// CSV endpoints all read and write filters this one way, so a link opens the same figures.
/// </summary>
public static class DashboardLinks
{
    /// <summary>The default range: the twelve months up to today.</summary>
    public static DashboardFilter DefaultFor(DateOnly today, Guid? therapistId) =>
        new(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today, therapistId);

    public static Dictionary<string, string?> Query(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new Dictionary<string, string?>
        {
            ["from"] = filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["therapist"] = filter.TherapistId?.ToString(),
            ["region"] = filter.Region?.ToString(),
            ["cause"] = filter.Cause?.ToString(),
            ["intervention"] = filter.Intervention,
        };
    }

    public static string Page(string path, DashboardFilter filter, params (string Key, string? Value)[] more)
    {
        var query = Query(filter);
        foreach (var (key, value) in more)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null));
    }

    public static string Dashboard(DashboardFilter filter) => Page("outcomes", filter);

    public static string Episodes(DashboardFilter filter, DashboardFigure figure) => Page("outcomes/episodes", filter, ("figure", figure.ToString()));

    public static string Csv(string table, DashboardFilter filter, DashboardFigure? figure = null) =>
        Page($"outcomes/{table}.csv", filter, ("figure", figure?.ToString()));

    /// <summary>The filter a query string names; what is missing or unreadable falls back to <paramref name="fallback"/>.</summary>
    public static DashboardFilter Parse(string? from, string? to, string? therapist, string? region, string? cause, string? intervention, DashboardFilter fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new DashboardFilter(
            DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : fallback.From,
            DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : fallback.To,
            Guid.TryParse(therapist, out var id) ? id : fallback.TherapistId,
            Enum.TryParse<BodyRegion>(region, out var r) && Enum.IsDefined(r) ? r : null,
            Enum.TryParse<RootCause>(cause, out var c) && Enum.IsDefined(c) ? c : null,
            string.IsNullOrWhiteSpace(intervention) ? null : intervention);
    }
}
