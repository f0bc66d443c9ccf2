using PtClinic.Application.Features.Episodes;
using PtClinic.Domain.Episodes;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Security;

/// <summary>
/// A read shared by clinical roles and the front desk answers the desk without clinical text:
/// decided in the application layer, so no page can show what the desk may not read.
/// </summary>
public sealed class RoleShapeTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_front_desk_sees_that_an_episode_was_discharged_and_why_but_not_the_discharge_note()
    {
        var clinic = await ScenarioClinic.CreateAsync(App);
        var episode = await clinic.EpisodeDtoAsync();
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(
            episode.Id, episode.Version, DischargeReason.GoalsMet, "Pain free running 10 km; knot no longer palpable"))).Ok();

        var byDesk = (await App.SendAsync(clinic.Desk, new GetEpisodeQuery(episode.Id))).Ok();
        var listedForDesk = (await App.SendAsync(clinic.Desk, new ListPatientEpisodesQuery(clinic.PatientId))).Ok();
        var byTherapist = (await App.SendAsync(clinic.Therapist, new GetEpisodeQuery(episode.Id))).Ok();
        var byManager = (await App.SendAsync(clinic.Clinic.Manager, new GetEpisodeQuery(episode.Id))).Ok();

        byDesk.Status.ShouldBe(EpisodeStatus.Discharged);
        byDesk.DischargeReason.ShouldBe(DischargeReason.GoalsMet);
        byDesk.DischargeNote.ShouldBeNull();
        listedForDesk.ShouldHaveSingleItem().DischargeNote.ShouldBeNull();
        byTherapist.DischargeNote.ShouldBe("Pain free running 10 km; knot no longer palpable");
        byManager.DischargeNote.ShouldBe("Pain free running 10 km; knot no longer palpable");
    }
}
