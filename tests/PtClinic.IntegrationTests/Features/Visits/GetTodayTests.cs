using System.Security.Claims;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

public sealed class GetTodayTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_therapist_sees_their_own_and_covered_visits_of_the_clinics_day_by_time()
    {
        // New York in January is UTC-5: the clinic's 15 January runs from 05:00Z to 05:00Z the next day.
        var clinic = await TestClinic.CreateAsync(App, timeZone: "America/New_York");
        var mine = await clinic.OpenEpisodeAsync();
        var theirs = await clinic.OpenEpisodeAsync(therapist: clinic.OtherTherapist);
        var lateTheDayBefore = await clinic.ScheduleVisitAsync(mine, Utc(2026, 1, 15, 4, 50));
        var justAfterMidnight = await clinic.ScheduleVisitAsync(mine, Utc(2026, 1, 15, 5, 10));
        var coveredByMe = await clinic.ScheduleVisitAsync(theirs, Utc(2026, 1, 15, 15, 0), clinic.OtherTherapist);
        await clinic.ScheduleVisitAsync(theirs, Utc(2026, 1, 15, 16, 0), clinic.OtherTherapist);
        var coveredByThem = await clinic.ScheduleVisitAsync(mine, Utc(2026, 1, 15, 17, 0));
        var justBeforeMidnight = await clinic.ScheduleVisitAsync(mine, Utc(2026, 1, 16, 4, 50));
        var earlyTheDayAfter = await clinic.ScheduleVisitAsync(mine, Utc(2026, 1, 16, 5, 10));
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(coveredByMe, TestClinic.IdOf(clinic.Therapist)))).Ok();
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(coveredByThem, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(justAfterMidnight))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(justAfterMidnight, null, "Slept badly", null, null, null))).Ok();

        var today = (await App.SendAsync(clinic.Therapist, new GetTodayQuery(new DateOnly(2026, 1, 15)))).Ok();

        today.Day.ShouldBe(new DateOnly(2026, 1, 15));
        today.TimeZone.ShouldBe("America/New_York");
        today.Visits.Select(v => v.VisitId).ShouldBe([justAfterMidnight, coveredByMe, coveredByThem, justBeforeMidnight]);
        today.Visits.Select(v => v.IsCovering).ShouldBe([false, true, false, false]);
        today.Visits[0].ShouldSatisfyAllConditions(
            v => v.PatientName.ShouldBe("Ellen Marsh"),
            v => v.PatientId.ShouldBe(clinic.PatientId),
            v => v.Mrn.ShouldNotBeNullOrEmpty(),
            v => v.Status.ShouldBe(VisitStatus.CheckedIn),
            v => v.NoteStatus.ShouldBe(NoteStatus.Draft),
            v => v.DurationMinutes.ShouldBe(45));
        today.Visits[1].NoteStatus.ShouldBeNull();
        today.Visits.Select(v => v.VisitId).ShouldNotContain(lateTheDayBefore);
        today.Visits.Select(v => v.VisitId).ShouldNotContain(earlyTheDayAfter);
    }

    [Fact]
    public async Task Without_a_day_it_is_today_in_the_clinics_zone_not_the_servers()
    {
        // 13:30Z on 15 January is already 00:30 on the 16th in Sydney (UTC+11).
        var clinic = await TestClinic.CreateAsync(App, timeZone: "Australia/Sydney");
        var episodeId = await clinic.OpenEpisodeAsync();
        await clinic.ScheduleVisitAsync(episodeId, Utc(2026, 1, 15, 12, 50));
        var first = await clinic.ScheduleVisitAsync(episodeId, Utc(2026, 1, 15, 14, 0));
        var last = await clinic.ScheduleVisitAsync(episodeId, Utc(2026, 1, 16, 12, 50));
        await clinic.ScheduleVisitAsync(episodeId, Utc(2026, 1, 16, 13, 10));
        await using var app = new StoppedClockApp(App, Utc(2026, 1, 15, 13, 30));

        var today = (await app.SendAsync(clinic.Therapist, new GetTodayQuery())).Ok();

        today.Day.ShouldBe(new DateOnly(2026, 1, 16));
        today.TimeZone.ShouldBe("Australia/Sydney");
        today.Visits.Select(v => v.VisitId).ShouldBe([first, last]);
    }

    [Fact]
    public async Task The_desk_sees_the_clinics_day_without_clinical_flags_a_therapist_their_own_and_neither_another_clinics()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var day = new DateOnly(2026, 3, 10);
        var mine = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync(), Utc(2026, 3, 10, 10, 0));
        await elsewhere.ScheduleVisitAsync(await elsewhere.OpenEpisodeAsync(), Utc(2026, 3, 10, 11, 0));
        // Their therapist's id, but signed in to this clinic: the clinic filter, not the id, keeps rows apart.
        var crossed = AppFixture.StaffOf(clinic.Id, StaffRoles.Therapist);
        ((ClaimsIdentity)crossed.Identity!).RemoveClaim(crossed.FindFirst(ClaimTypes.NameIdentifier));
        ((ClaimsIdentity)crossed.Identity!).AddClaim(new Claim(ClaimTypes.NameIdentifier, TestClinic.IdOf(elsewhere.Therapist).ToString()));

        var desk = (await App.SendAsync(clinic.Desk, new GetTodayQuery(day))).Ok();
        var therapist = (await App.SendAsync(clinic.Therapist, new GetTodayQuery(day))).Ok();
        var other = (await App.SendAsync(crossed, new GetTodayQuery(day))).Ok();

        // The desk sees the clinic's schedule, whoever the therapist, with none of the clinical flags.
        desk.WholeClinic.ShouldBeTrue();
        desk.Visits.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.VisitId.ShouldBe(mine),
            v => v.TherapistName.ShouldBe("Maya Lindqvist"),
            v => v.Safety.ShouldBe(SafetyFlagsDto.None),
            v => v.NoteStatus.ShouldBeNull());
        therapist.WholeClinic.ShouldBeFalse();
        therapist.Visits.Select(v => v.VisitId).ShouldBe([mine]);
        other.Visits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_visit_of_the_day_carries_the_patients_flags_and_open_red_flags()
    {
        var clinic = await TestClinic.CreateAsync(App);
        await GetVisitNoteTests.RecordMedicalHistoryAsync(App, clinic.PatientId, MedicalHistory.None with { AnticoagulantUse = true });
        var flagged = await clinic.OpenEpisodeAsync();
        var now = DateTimeOffset.UtcNow;
        await GetVisitNoteTests.SignedVisitWithRedFlagsAsync(App, clinic, flagged, now.AddDays(-7), RedFlag.CalfSwellingWithWarmth);
        var followUp = await clinic.ScheduleVisitAsync(flagged, now.AddMinutes(-5));
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(followUp))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(followUp, null, FindingsInput.Empty with { RedFlags = [RedFlag.NightPain] }))).Ok();
        var otherPatient = (await App.SendAsync(clinic.Desk, new RegisterPatientCommand("Rafael", "Moreno", new DateOnly(2003, 2, 1), Sex.Male))).Ok();
        var unflagged = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync(otherPatient), now.AddMinutes(-2));

        var today = (await App.SendAsync(clinic.Therapist, new GetTodayQuery())).Ok();

        var row = today.Visits.Single(v => v.VisitId == followUp);
        row.Safety.MedicalHistory.ShouldBe(["Anticoagulant use"]);
        row.Safety.OpenRedFlags().ShouldBe([RedFlag.NightPain, RedFlag.CalfSwellingWithWarmth]);
        var clear = today.Visits.Single(v => v.VisitId == unflagged).Safety;
        clear.MedicalHistory.ShouldBeEmpty();
        clear.OpenRedFlags().ShouldBeEmpty();
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
