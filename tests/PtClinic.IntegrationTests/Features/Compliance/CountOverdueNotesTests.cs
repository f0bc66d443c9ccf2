using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Compliance;
using PtClinic.Application.Features.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Compliance;

public sealed class CountOverdueNotesTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_note_is_overdue_once_its_visit_started_more_than_24_hours_ago_and_it_is_still_unsigned()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var (_, justOverdue) = await clinic.CheckedInVisitAsync(startsAt: now.AddHours(-24).AddSeconds(-1));
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(justOverdue, null, "Tight", null, null, null))).Ok();
        await clinic.CheckedInVisitAsync(startsAt: now.AddHours(-24)); // exactly 24 hours: not yet
        await clinic.SignedVisitAsync(now.AddDays(-3));
        await using var atNine = new StoppedClockApp(App, now);

        var overdue = (await atNine.SendAsync(clinic.Manager, new CountOverdueNotesQuery())).Ok();

        overdue.ShouldBe(new OverdueNotesDto(1, now.AddHours(-24).AddSeconds(-1), now.AddHours(-24)));
    }

    [Fact]
    public async Task Only_managers_and_admins_count_overdue_notes_and_only_their_own_clinics()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        await elsewhere.CheckedInVisitAsync(startsAt: DateTimeOffset.UtcNow.AddDays(-2));

        var byManager = await App.SendAsync(clinic.Manager, new CountOverdueNotesQuery());
        var byTherapist = await App.SendAsync(clinic.Therapist, new CountOverdueNotesQuery());
        var byDesk = await App.SendAsync(clinic.Desk, new CountOverdueNotesQuery());

        byManager.Ok().Count.ShouldBe(0);
        byTherapist.Failed(ErrorKind.Forbidden);
        byDesk.Failed(ErrorKind.Forbidden);
        (await App.SendAsync(elsewhere.Manager, new CountOverdueNotesQuery())).Ok().Count.ShouldBe(1);
    }
}
