using System.Globalization;
using CsvHelper;
using Mediator;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Web.Components.Pages.Outcomes;
using PtClinic.Web.Services;

namespace PtClinic.Web.Endpoints;

/// <summary>
/// The dashboard's tables as CSV, through the same queries as the page (so the same figures): the
/// summary, the comparison by therapist, the months, and the episodes behind a figure.
/// </summary>
internal static partial class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/outcomes/{table}.csv", async (
            string table, string? from, string? to, string? therapist, string? region, string? cause, string? intervention, string? figure,
            ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            // The page's default, on the clinic's calendar: its twelve months to the clinic's today.
            var filter = DashboardLinks.Parse(from, to, therapist, region, cause, intervention,
                DashboardLinks.DefaultFor(ClinicTime.TodayOf(http.User, clock), null));
            switch (table)
            {
                case "summary" or "therapists" or "months":
                {
                    var dashboard = await sender.Send(new GetOutcomeDashboardQuery(filter), ct);
                    if (!dashboard.IsSuccess)
                    {
                        return Refused(dashboard.Error);
                    }

                    return table switch
                    {
                        "summary" => Csv(http, $"outcomes-summary-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv", SummaryRows("Clinic", dashboard.Value.Summary)),
                        "therapists" => Csv(http, $"outcomes-by-therapist-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv",
                            dashboard.Value.Therapists.Select(t => TherapistRow.Of(t))),
                        _ => Csv(http, $"outcomes-by-month-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv", dashboard.Value.Months.Select(MonthRow.Of)),
                    };
                }

                case "episodes" when Enum.TryParse<DashboardFigure>(figure, out var chosen) && Enum.IsDefined(chosen):
                {
                    var page = await sender.Send(new ListDashboardEpisodesQuery(filter, chosen, 1, ListDashboardEpisodesQuery.MaxPageSize), ct);
                    if (!page.IsSuccess)
                    {
                        return Refused(page.Error);
                    }

                    return Csv(http, $"outcomes-{chosen}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv", page.Value.Items.Select(e => new EpisodeRow(
                        e.PatientName, e.Mrn, e.TherapistName, e.Region.ToString(), e.Status.ToString(), e.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        e.DischargedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.DischargeReason?.ToString(), e.VisitsAttended,
                        page.Value.Measure, e.Baseline, e.Final)));
                }

                default:
                    return Results.NotFound();
            }
        });
        return endpoints;
    }

    private static Microsoft.AspNetCore.Http.IResult Refused(Error error) => error.Kind switch
    {
        ErrorKind.Forbidden => Results.Forbid(),
        ErrorKind.NotFound => Results.NotFound(),
        _ => Results.BadRequest(error.Fields.Count > 0 ? string.Join(" ", error.Fields.Select(f => f.Message)) : error.Message),
    };

    private static Microsoft.AspNetCore.Http.IResult Csv<T>(HttpContext http, string name, IEnumerable<T> rows)
    {
        // A patient or staff name typed as "=HYPERLINK(...)" must open in a spreadsheet as text, not as a formula.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            csv.WriteRecords(rows);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }

    /// <summary>One line per figure: what it counts, of how many, and its interval where it is a rate.</summary>
    private static IEnumerable<SummaryRow> SummaryRows(string group, OutcomeSummary s)
    {
        yield return SummaryRow.Count(group, "Episodes in the range", s.Episodes, "episodes");
        yield return SummaryRow.Count(group, "Opened", s.Opened, "episodes");
        yield return SummaryRow.Count(group, "Active at the range's end", s.Active, "episodes");
        yield return SummaryRow.Count(group, "Discharged", s.Discharged, "episodes");
        foreach (var (reason, count) in s.DischargeReasons)
        {
            yield return SummaryRow.Count(group, $"Discharged: {Services.VisitTypes.Describe(reason)}", count, "episodes");
        }

        yield return new SummaryRow(group, "Median visits to discharge", (double?)s.MedianVisitsToDischarge, s.Discharged, "discharged episodes", null, null);
        yield return new SummaryRow(group, "Median days to discharge", (double?)s.MedianDaysToDischarge, s.Discharged, "discharged episodes", null, null);
        foreach (var m in s.Measures)
        {
            yield return new SummaryRow(group, $"{m.Abbreviation} mean improvement (points)", (double?)m.MeanImprovement, m.Scored, "scored episodes", null, null);
            yield return SummaryRow.Of(group, $"{m.Abbreviation} reaching the MCID of {m.Mcid}", m.ReachedMcid);
        }

        yield return SummaryRow.Of(group, "Discharged with no discharge outcome recorded", s.NoDischargeOutcome);
        yield return SummaryRow.Of(group, $"Knot sites recurring within {OutcomeFigures.RecurrenceWindowDays} days of resolving", s.KnotRecurrence);
        yield return SummaryRow.Count(group, "Dry-needling sessions", s.DryNeedlingSessions, "sessions");
        yield return SummaryRow.Of(group, "Dry-needling sessions with an adverse event", s.AdverseEvents);
        foreach (var (kind, rate) in s.AdverseEventsByKind)
        {
            yield return SummaryRow.Of(group, $"Adverse events: {kind}", rate);
        }

        yield return SummaryRow.Of(group, "No-shows", s.NoShows);
        yield return SummaryRow.Of(group, "Cancellations", s.Cancellations);
        yield return SummaryRow.Count(group, "Progress notes overdue", s.ProgressNotesOverdue, "active episodes");
        yield return SummaryRow.Count(group, "Plan re-certifications overdue", s.RecertificationsOverdue, "active episodes");
    }

    [CsvRecord]
    internal sealed partial record SummaryRow(string Group, string Figure, double? Value, int BasedOn, string Unit, double? Low95, double? High95)
    {
        public static SummaryRow Count(string group, string figure, int count, string unit) => new(group, figure, count, count, unit, null, null);

        public static SummaryRow Of(string group, string figure, Rate rate) =>
            new(group, figure, Round(rate.Value), rate.Of, rate.Unit, Round(rate.Low), Round(rate.High));
    }

    [CsvRecord]
    internal sealed partial record TherapistRow(
        string Therapist, int Episodes, string Comparison, int Discharged, decimal? MedianVisits,
        int NprsScored, double? NprsReachedMcid, double? NprsLow95, double? NprsHigh95,
        int LefsScored, double? LefsReachedMcid, double? LefsLow95, double? LefsHigh95,
        int PsfsScored, double? PsfsReachedMcid, double? PsfsLow95, double? PsfsHigh95,
        int OdiScored, double? OdiReachedMcid, double? OdiLow95, double? OdiHigh95,
        double? NoShowRate, double? NoDischargeOutcomeRate, double? KnotRecurrenceRate,
        int SeverePain, int Chronic, int Aged65AndOver)
    {
        public static TherapistRow Of(TherapistOutcome t)
        {
            var s = t.Summary;
            var (n, l, p, o) = (s.Measures[0].ReachedMcid, s.Measures[1].ReachedMcid, s.Measures[2].ReachedMcid, s.Measures[3].ReachedMcid);
            return new TherapistRow(t.Name, s.Episodes, t.TooFewToCompare ? "too few to compare" : "compared", s.Discharged, s.MedianVisitsToDischarge,
                n.Of, Round(n.Value), Round(n.Low), Round(n.High),
                l.Of, Round(l.Value), Round(l.Low), Round(l.High),
                p.Of, Round(p.Value), Round(p.Low), Round(p.High),
                o.Of, Round(o.Value), Round(o.Low), Round(o.High),
                Round(s.NoShows.Value), Round(s.NoDischargeOutcome.Value), Round(s.KnotRecurrence.Value),
                s.CaseMix.Baseline[3], s.CaseMix.Chronicity[3], s.CaseMix.Age[3]);
        }
    }

    [CsvRecord]
    internal sealed partial record MonthRow(string Month, int Opened, double? NoShowRate, int Discharged, int NprsScored, double? NprsReachedMcid, int LefsScored, double? LefsReachedMcid,
        int PsfsScored, double? PsfsReachedMcid, int OdiScored, double? OdiReachedMcid)
    {
        public static MonthRow Of(MonthOutcome m) => new(
            m.FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Opened, Round(m.NoShows.Value), m.Discharged,
            m.Measures[0].ReachedMcid.Of, Round(m.Measures[0].ReachedMcid.Value), m.Measures[1].ReachedMcid.Of, Round(m.Measures[1].ReachedMcid.Value),
            m.Measures[2].ReachedMcid.Of, Round(m.Measures[2].ReachedMcid.Value), m.Measures[3].ReachedMcid.Of, Round(m.Measures[3].ReachedMcid.Value));
    }

    [CsvRecord]
    internal sealed partial record EpisodeRow(
        string Patient, string Mrn, string Therapist, string Region, string Status, string Opened, string? Discharged, string? DischargeReason,
        int VisitsAttended, string? Measure, decimal? Baseline, decimal? Final);

    /// <summary>Proportions to four places: enough to read 0.4167 as the page's 42 %.</summary>
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
