using System.Globalization;
using CsvHelper;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Audit;
using PtClinic.Domain.Clinics;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Endpoints;

/// <summary>A patient's audit history as CSV: the rows the page shows, through the same query and filters.</summary>
internal static partial class PatientAuditEndpoints
{
    public static string CsvUrl(Guid patientId, GetPatientAuditHistoryQuery filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new Dictionary<string, string?>
        {
            ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["staff"] = filter.StaffMemberId?.ToString(),
            ["action"] = filter.Action,
            ["outcome"] = filter.Outcome,
        }.Where(p => p.Value is not null);
        return QueryHelpers.AddQueryString($"patients/{patientId}/audit.csv", query);
    }

    public static IEndpointRouteBuilder MapPatientAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/patients/{patientId:guid}/audit.csv", async (
            Guid patientId, DateOnly? from, DateOnly? to, Guid? staff, string? action, string? outcome,
            ISender sender, HttpContext http, CancellationToken ct) =>
        {
            var history = await sender.Send(new GetPatientAuditHistoryQuery(
                patientId, from, to, staff, action, outcome, 1, GetPatientAuditHistoryQuery.MaxPageSize), ct);
            if (!history.IsSuccess)
            {
                return history.Error.Kind switch
                {
                    ErrorKind.NotFound => Results.NotFound(),
                    ErrorKind.Forbidden => Results.Forbid(),
                    _ => Results.BadRequest(history.Error.Fields.Count > 0
                        ? string.Join(" ", history.Error.Fields.Select(f => f.Message))
                        : history.Error.Message),
                };
            }

            var calendar = ClinicCalendar.For(http.User.FindFirst(ClinicClaimTypes.TimeZone)?.Value);
            var rows = history.Value.Events.Select(e => new AuditCsvRow(
                e.Sequence,
                calendar.Local(e.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                e.Actor,
                e.Roles,
                e.Action,
                e.Description,
                e.EntityType,
                e.EntityId,
                e.Outcome,
                e.ClientAddress));
            // A staff name typed as "=HYPERLINK(...)" must open in a spreadsheet as text, not as a formula.
            var options = new CsvWriterOptions { Injection = CsvInjection.Escape };
            await using var text = new StringWriter(CultureInfo.InvariantCulture);
            await using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
            {
                csv.WriteRecords(rows);
            }

            var name = $"audit-{history.Value.PatientId:N}-{DateTimeOffset.UtcNow:yyyyMMdd}.csv";
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
        });
        return endpoints;
    }

    [CsvRecord]
    internal sealed partial record AuditCsvRow(
        long Sequence,
        string When,
        string Who,
        string Roles,
        string Action,
        string WhatHappened,
        string? RecordType,
        Guid? RecordId,
        string Outcome,
        string? Address);
}
