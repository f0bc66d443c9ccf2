using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.IntegrationTests.Features.Episodes;

public sealed class EpisodeLifecycleTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_episode_goes_from_open_to_active_on_hold_active_and_discharged()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var visitId = await clinic.ScheduleVisitAsync(episodeId);
        (await clinic.EpisodeAsync(episodeId)).Status.ShouldBe(EpisodeStatus.Open);

        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        var active = await clinic.EpisodeAsync(episodeId);
        active.Status.ShouldBe(EpisodeStatus.Active);

        (await App.SendAsync(clinic.Therapist, new PutEpisodeOnHoldCommand(episodeId, active.Version, "Away for two weeks"))).Ok();
        var onHold = await clinic.EpisodeAsync(episodeId);
        onHold.Status.ShouldBe(EpisodeStatus.OnHold);
        onHold.HoldReason.ShouldBe("Away for two weeks");

        (await App.SendAsync(clinic.Therapist, new ResumeEpisodeCommand(episodeId, onHold.Version))).Ok();
        var resumed = await clinic.EpisodeAsync(episodeId);
        resumed.Status.ShouldBe(EpisodeStatus.Active);
        resumed.HoldReason.ShouldBeNull();

        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, resumed.Version, DischargeReason.GoalsMet, null))).Ok();
        var discharged = await clinic.EpisodeAsync(episodeId);
        discharged.Status.ShouldBe(EpisodeStatus.Discharged);
        discharged.DischargeReason.ShouldBe(DischargeReason.GoalsMet);
        discharged.DischargedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_discharged_episode_refuses_scheduling_and_drafts_but_accepts_addenda()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, signedVisit) = await clinic.SignedVisitAsync();
        var uncharted = await clinic.ScheduleVisitAsync(episodeId);
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(uncharted))).Ok();
        var episode = await clinic.EpisodeAsync(episodeId);
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, episode.Version, DischargeReason.GoalsMet, null))).Ok();

        var schedule = await App.SendAsync(clinic.Desk, new ScheduleVisitCommand(
            episodeId, TestClinic.IdOf(clinic.Therapist), DateTimeOffset.UtcNow.AddDays(1), 45, VisitType.FollowUp));
        var newDraft = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(uncharted, null, "After discharge", null, null, null));
        var addendum = await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(signedVisit, "Pain 2/10 at discharge"));

        schedule.Failed(ErrorKind.Rule).Message.ShouldContain("discharged");
        newDraft.Failed(ErrorKind.Rule);
        addendum.Ok();
        (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync())).ShouldBe(2);
        (await clinic.NoteAsync(uncharted)).NoteId.ShouldBeNull();
        (await clinic.NoteAsync(signedVisit)).Addenda.Single().Text.ShouldBe("Pain 2/10 at discharge");
    }

    [Fact]
    public async Task Discharging_for_another_reason_needs_a_note_and_changes_nothing_without_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var before = await clinic.EpisodeAsync(episodeId);

        var result = await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, before.Version, DischargeReason.Other, "  "));

        result.Failed(ErrorKind.Validation).For(nameof(DischargeEpisodeCommand.Note)).ShouldNotBeNull();
        (await clinic.EpisodeAsync(episodeId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Discharging_without_a_reason_is_a_field_error()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var before = await clinic.EpisodeAsync(episodeId);

        var result = await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, before.Version, null, null));

        result.Failed(ErrorKind.Validation).For(nameof(DischargeEpisodeCommand.Reason)).ShouldNotBeNull();
        (await clinic.EpisodeAsync(episodeId)).Status.ShouldBe(EpisodeStatus.Open);
    }

    [Fact]
    public async Task An_overlong_hold_reason_is_a_field_error_and_the_episode_stays_as_it_was()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var before = await clinic.EpisodeAsync(episodeId);

        var result = await App.SendAsync(clinic.Therapist, new PutEpisodeOnHoldCommand(
            episodeId, before.Version, new string('x', EpisodeOfCare.HoldReasonMaxLength + 1)));

        result.Failed(ErrorKind.Validation).For(nameof(PutEpisodeOnHoldCommand.Reason)).ShouldNotBeNull();
        (await clinic.EpisodeAsync(episodeId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Resuming_needs_an_episode_id_and_an_episode_on_hold()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var before = await clinic.EpisodeAsync(episodeId);

        var noId = await App.SendAsync(clinic.Therapist, new ResumeEpisodeCommand(Guid.Empty, before.Version));
        var notOnHold = await App.SendAsync(clinic.Therapist, new ResumeEpisodeCommand(episodeId, before.Version));

        noId.Failed(ErrorKind.Validation).For(nameof(ResumeEpisodeCommand.EpisodeId)).ShouldNotBeNull();
        notOnHold.Failed(ErrorKind.Rule);
        (await clinic.EpisodeAsync(episodeId)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task A_change_from_a_stale_screen_is_a_conflict_and_the_newer_change_stays()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var seen = await clinic.EpisodeAsync(episodeId);

        (await App.SendAsync(clinic.Therapist, new PutEpisodeOnHoldCommand(episodeId, seen.Version, "Waiting for MRI"))).Ok();
        var stale = await App.SendAsync(clinic.OtherTherapist, new DischargeEpisodeCommand(episodeId, seen.Version, DischargeReason.StoppedAttending, null));

        stale.Failed(ErrorKind.Conflict);
        var stored = await clinic.EpisodeAsync(episodeId);
        stored.Status.ShouldBe(EpisodeStatus.OnHold);
        stored.HoldReason.ShouldBe("Waiting for MRI");
    }

    [Fact]
    public async Task Discharging_twice_is_refused_and_the_front_desk_cannot_discharge()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var open = await clinic.EpisodeAsync(episodeId);

        var byDesk = await App.SendAsync(clinic.Desk, new DischargeEpisodeCommand(episodeId, open.Version, DischargeReason.GoalsMet, null));
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, open.Version, DischargeReason.GoalsMet, null))).Ok();
        var discharged = await clinic.EpisodeAsync(episodeId);
        var again = await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, discharged.Version, DischargeReason.Other, "Again"));
        var hold = await App.SendAsync(clinic.Therapist, new PutEpisodeOnHoldCommand(episodeId, discharged.Version, null));
        var resume = await App.SendAsync(clinic.Therapist, new ResumeEpisodeCommand(episodeId, discharged.Version));

        byDesk.Failed(ErrorKind.Forbidden);
        again.Failed(ErrorKind.Rule);
        hold.Failed(ErrorKind.Rule);
        resume.Failed(ErrorKind.Rule);
        (await clinic.EpisodeAsync(episodeId)).ShouldBeEquivalentTo(discharged);
    }
}
