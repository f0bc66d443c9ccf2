using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

/// <summary>Check-in, cancellation, no-show and cover: the front desk's changes to a booked visit.</summary>
public sealed class VisitStatusTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Checking_in_records_the_arrival_once()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        var again = await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId));

        var stored = await VisitAsync(visitId);
        stored.Status.ShouldBe(VisitStatus.CheckedIn);
        stored.CheckedInAt.ShouldNotBeNull();
        again.Failed(ErrorKind.Rule).Message.ShouldContain("checked-in");
    }

    [Fact]
    public async Task Checking_in_without_a_visit_id_is_a_field_error()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        var result = await App.SendAsync(clinic.Desk, new CheckInVisitCommand(Guid.Empty));

        result.Failed(ErrorKind.Validation).For(nameof(CheckInVisitCommand.VisitId)).ShouldNotBeNull();
        (await VisitAsync(visitId)).Status.ShouldBe(VisitStatus.Scheduled);
    }

    [Fact]
    public async Task Cancelling_keeps_the_reason()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        (await App.SendAsync(clinic.Desk, new CancelVisitCommand(visitId, " Patient unwell "))).Ok();

        var stored = await VisitAsync(visitId);
        stored.Status.ShouldBe(VisitStatus.Cancelled);
        stored.CancellationReason.ShouldBe("Patient unwell");
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_a_field_error_and_the_visit_stays_booked()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        var result = await App.SendAsync(clinic.Desk, new CancelVisitCommand(visitId, ""));

        result.Failed(ErrorKind.Validation).For(nameof(CancelVisitCommand.Reason)).ShouldNotBeNull();
        var stored = await VisitAsync(visitId);
        stored.Status.ShouldBe(VisitStatus.Scheduled);
        stored.CancellationReason.ShouldBeNull();
    }

    [Fact]
    public async Task A_no_show_is_recorded_only_after_the_start_time()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var past = await clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow.AddHours(-1));
        var future = await clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow.AddHours(1));

        (await App.SendAsync(clinic.Desk, new MarkVisitNoShowCommand(past))).Ok();
        var early = await App.SendAsync(clinic.Desk, new MarkVisitNoShowCommand(future));
        var noId = await App.SendAsync(clinic.Desk, new MarkVisitNoShowCommand(Guid.Empty));

        (await VisitAsync(past)).Status.ShouldBe(VisitStatus.NoShow);
        early.Failed(ErrorKind.Rule);
        noId.Failed(ErrorKind.Validation).For(nameof(MarkVisitNoShowCommand.VisitId)).ShouldNotBeNull();
        (await VisitAsync(future)).Status.ShouldBe(VisitStatus.Scheduled);
    }

    [Fact]
    public async Task Another_therapist_of_the_clinic_can_cover_a_visit()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();

        (await VisitAsync(visitId)).CoveringTherapistId.ShouldBe(TestClinic.IdOf(clinic.OtherTherapist));
    }

    [Fact]
    public async Task The_cover_must_be_a_therapist_of_the_clinic()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        foreach (var cover in new[] { Guid.Empty, TestClinic.IdOf(clinic.Desk), TestClinic.IdOf(elsewhere.Therapist) })
        {
            var result = await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, cover));

            result.Failed(ErrorKind.Validation).For(nameof(AssignVisitCoverCommand.CoveringTherapistId)).ShouldNotBeNull();
        }

        (await VisitAsync(visitId)).CoveringTherapistId.ShouldBeNull();
    }

    [Fact]
    public async Task Another_clinics_visit_is_not_found()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var theirs = await elsewhere.ScheduleVisitAsync(await elsewhere.OpenEpisodeAsync(), DateTimeOffset.UtcNow.AddHours(-1));

        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(theirs))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Desk, new CancelVisitCommand(theirs, "Nope"))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Desk, new MarkVisitNoShowCommand(theirs))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(theirs, TestClinic.IdOf(clinic.Therapist)))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Therapist, new GetVisitNoteQuery(theirs))).Failed(ErrorKind.NotFound);
        var stored = await VisitAsync(theirs);
        stored.Status.ShouldBe(VisitStatus.Scheduled);
        stored.CoveringTherapistId.ShouldBeNull();
    }

    private Task<Visit> VisitAsync(Guid id) => App.ReadAsync(db => db.Visits.IgnoreQueryFilters().SingleAsync(v => v.Id == id));
}
