using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Infrastructure.Seeding;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Dashboard;

/// <summary>The demo clinic's dashboard shows something real on every card: its six months of history are counted.</summary>
public sealed class DemoDashboardTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_managers_dashboard_counts_the_six_months_of_history_for_three_therapists()
    {
        await App.SeedDemoClinicAsync();
        var manager = await App.ReadAsync(db => Task.FromResult(db.StaffMembers.IgnoreQueryFilters().Where(s => s.ClinicId == DemoClinic.Id && s.Email == DemoClinic.Manager.Email).Select(s => s.Id).Single()));
        var today = DemoClinic.Calendar.DateOf(DateTimeOffset.UtcNow);

        var dashboard = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, manager, Domain.Staff.StaffRoles.ClinicManager),
            new GetOutcomeDashboardQuery(new DashboardFilter(today.AddMonths(-12), today)))).Ok();

        dashboard.Summary.Episodes.ShouldBeGreaterThan(150);
        dashboard.Therapists.Count.ShouldBe(3);
        dashboard.Summary.Measures.ShouldAllBe(m => m.Scored > 0);
        dashboard.Summary.NoDischargeOutcome.Count.ShouldBeGreaterThan(0);
        dashboard.Summary.KnotRecurrence.Of.ShouldBeGreaterThan(0);
        dashboard.Summary.AdverseEvents.Count.ShouldBeGreaterThan(0);
        dashboard.Months.Count(m => m.Opened > 0).ShouldBeGreaterThanOrEqualTo(6);
    }
}
