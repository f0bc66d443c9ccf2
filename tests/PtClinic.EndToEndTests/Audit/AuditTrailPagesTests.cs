using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Audit;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Audit;

/// <summary>What the audit trail records of a browser session, and what a manager and an admin see of it.</summary>
public sealed class AuditTrailPagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Opening_a_chart_in_the_browser_is_one_read_from_the_browsers_address()
    {
        var visitId = await app.CheckedInVisitAsync("Odile", "Ferrand");
        var patientId = await app.PatientOfVisitAsync(visitId);
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);

        await page.GotoAsync($"/patients/{patientId}");
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Odile Ferrand" })).ToBeVisibleAsync();

        var reads = await app.AuditRowsAsync(patientId, nameof(GetPatientChartQuery));
        var read = reads.ShouldHaveSingleItem();
        read.ClientAddress.ShouldBe("127.0.0.1");
        read.Outcome.ShouldBe(AuditOutcomes.Success);
    }

    [Fact]
    public async Task A_manager_reads_who_opened_a_chart_and_downloads_it_as_csv()
    {
        var visitId = await app.CheckedInVisitAsync("Bruno", "Keller");
        var patientId = await app.PatientOfVisitAsync(visitId);
        var therapist = await app.SignedInPageAsync(DemoClinic.Therapist);
        await therapist.GotoAsync($"/patients/{patientId}");
        await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Bruno Keller" })).ToBeVisibleAsync();
        await Expect(therapist.GetByRole(AriaRole.Link, new() { Name = "Audit history" })).ToHaveCountAsync(0);

        var page = await app.SignedInPageAsync(DemoClinic.Manager);
        await page.GotoAsync($"/patients/{patientId}");
        await WebAppFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit history" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit history: Bruno Keller" })).ToBeVisibleAsync();
        var opened = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Opened the chart" }).Filter(new() { HasText = "Maya Lindqvist" });
        await Expect(opened).ToHaveCountAsync(1);
        await Expect(opened).ToContainTextAsync("127.0.0.1");
        await WebAppFixture.ScreenshotAsync(page, "audit-history.png");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Sequence,When,Who,Roles,Action,WhatHappened,RecordType,RecordId,Outcome,Address");
        lines.ShouldContain(line => line.Contains("Maya Lindqvist") && line.Contains("Opened the chart") && line.Contains("127.0.0.1"));
        csv.ShouldNotContain("Knot behind the left thigh", Case.Insensitive, "the trail holds ids, not what the record says");
    }

    [Fact]
    public async Task An_admin_checks_the_trail_and_reads_that_it_is_intact()
    {
        var visitId = await app.CheckedInVisitAsync("Rafael", "Duarte");
        var manager = await app.SignedInPageAsync(DemoClinic.Manager);
        await manager.GotoAsync($"/patients/{await app.PatientOfVisitAsync(visitId)}");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Rafael Duarte" })).ToBeVisibleAsync();
        var page = await app.SignedInPageAsync(DemoClinic.Admin);
        await page.GotoAsync("/admin/audit");
        await WebAppFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Check the audit trail" }).ClickAsync();

        await Expect(page.GetByTestId("audit-report")).ToContainTextAsync("The trail is intact");
        await Expect(page.GetByTestId("audit-latest-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[0-9a-f]{64}"));
        await WebAppFixture.ScreenshotAsync(page, "audit-check.png");
    }
}
