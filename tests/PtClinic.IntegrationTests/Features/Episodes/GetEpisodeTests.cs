using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.IntegrationTests.Features.Episodes;

public sealed class GetEpisodeTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_episode_shows_its_patient_therapist_and_visits_with_their_notes()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, signedVisit) = await clinic.SignedVisitAsync();
        var later = await clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow.AddDays(7), clinic.OtherTherapist);

        var episode = await clinic.EpisodeAsync(episodeId);

        episode.PatientName.ShouldBe("Ellen Marsh");
        episode.TherapistName.ShouldBe("Maya Lindqvist");
        episode.ChiefComplaint.ShouldBe("Knot in the left hamstring");
        episode.Region.ShouldBe(BodyRegion.PosteriorThigh);
        episode.Status.ShouldBe(EpisodeStatus.Active);
        episode.Version.ShouldNotBe(0u);
        episode.Visits.Select(v => v.VisitId).ShouldBe([signedVisit, later]);
        episode.Visits[0].ShouldSatisfyAllConditions(
            v => v.Status.ShouldBe(VisitStatus.Completed),
            v => v.NoteStatus.ShouldBe(NoteStatus.Signed),
            v => v.TherapistName.ShouldBe("Maya Lindqvist"));
        episode.Visits[1].ShouldSatisfyAllConditions(
            v => v.Status.ShouldBe(VisitStatus.Scheduled),
            v => v.NoteStatus.ShouldBeNull(),
            v => v.TherapistName.ShouldBe("Jonas Berg"));
    }

    [Fact]
    public async Task A_patients_episodes_come_newest_first_each_with_its_own_visits()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var first = await clinic.OpenEpisodeAsync();
        var firstVisit = await clinic.ScheduleVisitAsync(first);
        var second = await clinic.OpenEpisodeAsync(therapist: clinic.OtherTherapist);
        var secondVisits = new[]
        {
            await clinic.ScheduleVisitAsync(second, DateTimeOffset.UtcNow.AddDays(2)),
            await clinic.ScheduleVisitAsync(second, DateTimeOffset.UtcNow.AddDays(1)),
        };
        var otherPatient = (await App.SendAsync(clinic.Desk, new Application.Features.Patients.RegisterPatientCommand(
            "Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Domain.Patients.Sex.Male))).Ok();
        await clinic.OpenEpisodeAsync(otherPatient);

        var episodes = (await App.SendAsync(clinic.Desk, new ListPatientEpisodesQuery(clinic.PatientId))).Ok();

        episodes.Select(e => e.Id).ShouldBe([second, first]);
        episodes[0].TherapistName.ShouldBe("Jonas Berg");
        episodes[0].Visits.Select(v => v.VisitId).ShouldBe(secondVisits.Reverse());
        episodes[1].Visits.Select(v => v.VisitId).ShouldBe([firstVisit]);
    }

    [Fact]
    public async Task Another_clinics_episode_is_not_found_for_reading_or_changing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var theirs = await elsewhere.OpenEpisodeAsync();
        var version = (await elsewhere.EpisodeAsync(theirs)).Version;

        (await App.SendAsync(clinic.Desk, new GetEpisodeQuery(theirs))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Desk, new ListPatientEpisodesQuery(elsewhere.PatientId))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Therapist, new PutEpisodeOnHoldCommand(theirs, version, null))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Therapist, new ResumeEpisodeCommand(theirs, version))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(theirs, version, DischargeReason.GoalsMet, null))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(clinic.Desk, new ScheduleVisitCommand(
            theirs, TestClinic.IdOf(clinic.Therapist), DateTimeOffset.UtcNow, 45, VisitType.FollowUp))).Failed(ErrorKind.NotFound);
        (await elsewhere.EpisodeAsync(theirs)).Status.ShouldBe(EpisodeStatus.Open);
    }
}
