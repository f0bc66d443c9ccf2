using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Calendar;

/// <summary>
/// "Today" is the clinic's day. At 11:30 UTC on 1 December it is already 2 December in Auckland and
/// still 1 December in Honolulu: every date rule must say so.
/// </summary>
public sealed class ClinicDateTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 11, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly AucklandToday = new(2026, 12, 2);

    [Fact]
    public async Task A_birth_date_of_the_clinics_today_is_accepted_even_when_it_is_tomorrow_in_UTC()
    {
        var auckland = await TestClinic.CreateAsync(App, "Harbour Physio", "Pacific/Auckland");
        await using var clock = new StoppedClockApp(App, Now);

        var registered = await clock.SendAsync(auckland.Desk, new RegisterPatientCommand("Aroha", "Ngata", AucklandToday, Sex.Female));

        registered.Ok();
    }

    [Fact]
    public async Task A_birth_date_after_the_clinics_today_is_refused_beside_the_field()
    {
        var honolulu = await TestClinic.CreateAsync(App, "Island Physio", "Pacific/Honolulu");
        await using var clock = new StoppedClockApp(App, Now);

        var refused = await clock.SendAsync(honolulu.Desk, new RegisterPatientCommand("Keoni", "Kahale", AucklandToday, Sex.Male));

        refused.Failed(ErrorKind.Validation).For(nameof(RegisterPatientCommand.DateOfBirth)).ShouldBe("Date of birth cannot be in the future.");
    }

    [Fact]
    public async Task An_onset_and_a_consent_dated_the_clinics_today_are_accepted_and_the_day_after_is_not()
    {
        var auckland = await TestClinic.CreateAsync(App, "Harbour Physio", "Pacific/Auckland");
        await using var clock = new StoppedClockApp(App, Now);

        (await clock.SendAsync(auckland.Desk, new OpenEpisodeCommand(auckland.PatientId, "Knot in the left hamstring",
            BodyRegion.PosteriorThigh, BodySide.Left, AucklandToday, null, TestClinic.IdOf(auckland.Therapist)))).Ok();
        (await clock.SendAsync(auckland.Desk, new RecordConsentCommand(auckland.PatientId, ConsentKind.Treatment, AucklandToday, false, true))).Ok();

        var tooLate = await clock.SendAsync(auckland.Desk, new OpenEpisodeCommand(auckland.PatientId, "Knot in the left hamstring",
            BodyRegion.PosteriorThigh, BodySide.Left, AucklandToday.AddDays(1), null, TestClinic.IdOf(auckland.Therapist)));
        tooLate.Failed(ErrorKind.Validation).For(nameof(OpenEpisodeCommand.OnsetDate)).ShouldBe("The onset date cannot be in the future.");
    }

    [Fact]
    public async Task Today_and_an_age_are_read_on_the_clinics_date()
    {
        var auckland = await TestClinic.CreateAsync(App, "Harbour Physio", "Pacific/Auckland");
        await using var clock = new StoppedClockApp(App, Now);
        var patientId = (await clock.SendAsync(auckland.Desk,
            new RegisterPatientCommand("Mere", "Tane", new DateOnly(1988, 12, 2), Sex.Female))).Ok();

        var today = (await clock.SendAsync(auckland.Therapist, new GetTodayQuery())).Ok();
        var chart = (await clock.SendAsync(auckland.Therapist, new GetPatientChartQuery(patientId))).Ok();

        today.Day.ShouldBe(AucklandToday);
        today.TimeZone.ShouldBe("Pacific/Auckland");
        chart.AgeYears.ShouldBe(38, "her 38th birthday is today in Auckland, though still tomorrow in UTC");
    }

    [Fact]
    public async Task A_no_show_is_offered_only_once_the_visit_has_started()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var startsAt = DateTimeOffset.UtcNow.AddHours(2);
        await clinic.ScheduleVisitAsync(episodeId, startsAt);

        await using (var before = new StoppedClockApp(App, startsAt.AddMinutes(-1)))
        {
            (await before.SendAsync(clinic.Desk, new GetEpisodeQuery(episodeId))).Ok().Visits.ShouldHaveSingleItem().NoShowPossible.ShouldBeFalse();
        }

        await using var after = new StoppedClockApp(App, startsAt.AddMinutes(1));
        var visit = (await after.SendAsync(clinic.Desk, new GetEpisodeQuery(episodeId))).Ok().Visits.ShouldHaveSingleItem();
        visit.NoShowPossible.ShouldBeTrue();
        (await after.SendAsync(clinic.Desk, new MarkVisitNoShowCommand(visit.VisitId))).Ok();
        (await clinic.EpisodeAsync(episodeId)).Visits.Single().Status.ShouldBe(VisitStatus.NoShow);
    }
}
