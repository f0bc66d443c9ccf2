using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

public sealed class ScheduleVisitTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Front_desk_books_a_visit_and_the_time_is_kept_as_the_same_instant()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var nineInNewYork = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-5));

        var result = await App.SendAsync(clinic.Desk, new ScheduleVisitCommand(
            episodeId, TestClinic.IdOf(clinic.OtherTherapist), nineInNewYork, 30, VisitType.InitialEvaluation));

        var stored = await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().SingleAsync(v => v.Id == result.Ok()));
        stored.StartsAt.ShouldBe(nineInNewYork);
        stored.StartsAt.Offset.ShouldBe(TimeSpan.Zero);
        stored.ClinicId.ShouldBe(clinic.Id);
        stored.PatientId.ShouldBe(clinic.PatientId);
        stored.TherapistId.ShouldBe(TestClinic.IdOf(clinic.OtherTherapist));
        stored.DurationMinutes.ShouldBe(30);
        stored.Status.ShouldBe(VisitStatus.Scheduled);
    }

    [Fact]
    public async Task An_invalid_booking_returns_field_errors_and_writes_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();

        var result = await App.SendAsync(clinic.Desk, new ScheduleVisitCommand(
            episodeId, Guid.Empty, StartsAt: null, Visit.MinDurationMinutes - 1, Type: null));

        result.Failed(ErrorKind.Validation).Fields.Select(f => f.Field).Distinct().ShouldBe(
            [nameof(ScheduleVisitCommand.TherapistId), nameof(ScheduleVisitCommand.StartsAt),
             nameof(ScheduleVisitCommand.DurationMinutes), nameof(ScheduleVisitCommand.Type)],
            ignoreOrder: true);
        (await CountVisitsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_visits_therapist_must_be_a_therapist_of_the_clinic()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var episodeId = await clinic.OpenEpisodeAsync();

        foreach (var notATherapistHere in new[] { clinic.Manager, elsewhere.Therapist })
        {
            var result = await App.SendAsync(clinic.Desk, new ScheduleVisitCommand(
                episodeId, TestClinic.IdOf(notATherapistHere), DateTimeOffset.UtcNow, 45, VisitType.FollowUp));

            result.Failed(ErrorKind.Validation).For(nameof(ScheduleVisitCommand.TherapistId)).ShouldNotBeNull();
        }

        (await CountVisitsAsync()).ShouldBe(0);
    }

    private Task<int> CountVisitsAsync() => App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync());
}
