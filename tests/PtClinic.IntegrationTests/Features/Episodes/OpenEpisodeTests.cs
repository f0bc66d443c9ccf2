using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Episodes;

public sealed class OpenEpisodeTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Front_desk_opens_an_episode_with_a_therapist_of_the_clinic()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var onset = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);

        var result = await App.SendAsync(clinic.Desk, new OpenEpisodeCommand(
            clinic.PatientId, " Knot in the left hamstring ", BodyRegion.PosteriorThigh, BodySide.Left, onset, "GP referral",
            TestClinic.IdOf(clinic.Therapist)));

        var stored = await App.ReadAsync(db => db.Episodes.IgnoreQueryFilters().SingleAsync(e => e.Id == result.Ok()));
        stored.ClinicId.ShouldBe(clinic.Id);
        stored.PatientId.ShouldBe(clinic.PatientId);
        stored.ChiefComplaint.ShouldBe("Knot in the left hamstring");
        stored.OnsetDate.ShouldBe(onset);
        stored.TherapistId.ShouldBe(TestClinic.IdOf(clinic.Therapist));
        stored.Status.ShouldBe(EpisodeStatus.Open);
    }

    [Fact]
    public async Task An_invalid_episode_returns_field_errors_and_writes_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        var result = await App.SendAsync(clinic.Desk, new OpenEpisodeCommand(
            clinic.PatientId, " ", Region: null, (BodySide)42, tomorrow,
            new string('x', EpisodeOfCare.ReferralSourceMaxLength + 1), Guid.Empty));

        var error = result.Failed(ErrorKind.Validation);
        error.Fields.Select(f => f.Field).Distinct().ShouldBe(
            [nameof(OpenEpisodeCommand.ChiefComplaint), nameof(OpenEpisodeCommand.Region), nameof(OpenEpisodeCommand.Side),
             nameof(OpenEpisodeCommand.OnsetDate), nameof(OpenEpisodeCommand.ReferralSource), nameof(OpenEpisodeCommand.TherapistId)],
            ignoreOrder: true);
        error.For(nameof(OpenEpisodeCommand.OnsetDate)).ShouldBe("The onset date cannot be in the future.");
        (await CountEpisodesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_responsible_therapist_must_be_a_therapist_of_the_clinic()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        Guid[] notTherapistsHere =
        [
            TestClinic.IdOf(clinic.Desk),
            TestClinic.IdOf(elsewhere.Therapist),
            Guid.CreateVersion7(),
        ];

        foreach (var therapistId in notTherapistsHere)
        {
            var result = await App.SendAsync(clinic.Desk, new OpenEpisodeCommand(
                clinic.PatientId, "Knot in the left hamstring", BodyRegion.PosteriorThigh, BodySide.Left, null, null, therapistId));

            result.Failed(ErrorKind.Validation).For(nameof(OpenEpisodeCommand.TherapistId)).ShouldNotBeNull();
        }

        (await CountEpisodesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_episode_for_another_clinics_patient_is_not_found()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");

        var result = await App.SendAsync(clinic.Desk, new OpenEpisodeCommand(
            elsewhere.PatientId, "Knot", BodyRegion.PosteriorThigh, BodySide.Left, null, null, TestClinic.IdOf(clinic.Therapist)));

        result.Failed(ErrorKind.NotFound);
        (await CountEpisodesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_clinic_manager_cannot_open_an_episode()
    {
        var clinic = await TestClinic.CreateAsync(App);

        var result = await App.SendAsync(clinic.Manager, new OpenEpisodeCommand(
            clinic.PatientId, "Knot", BodyRegion.PosteriorThigh, BodySide.Left, null, null, TestClinic.IdOf(clinic.Therapist)));

        result.Failed(ErrorKind.Forbidden);
        (await CountEpisodesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_therapist_picker_lists_this_clinics_therapists_by_name()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        await clinic.AddStaffAsync("Ada Both", StaffRoles.Therapist);

        var therapists = (await App.SendAsync(clinic.Desk, new ListStaffQuery(StaffRoles.Therapist))).Ok();
        var everyone = (await App.SendAsync(clinic.Desk, new ListStaffQuery())).Ok();
        var theirs = (await App.SendAsync(elsewhere.Desk, new ListStaffQuery(StaffRoles.Therapist))).Ok();

        therapists.Select(t => t.FullName).ShouldBe(["Ada Both", "Jonas Berg", "Maya Lindqvist"]);
        therapists[0].Roles.ShouldBe([StaffRoles.Therapist]);
        everyone.Count.ShouldBe(5);
        everyone.ShouldContain(s => s.FullName == "Priya Nair" && s.Roles.SequenceEqual(new[] { StaffRoles.FrontDesk }));
        theirs.Select(t => t.Id).ShouldBe([TestClinic.IdOf(elsewhere.OtherTherapist), TestClinic.IdOf(elsewhere.Therapist)]);
    }

    private Task<int> CountEpisodesAsync() => App.ReadAsync(db => db.Episodes.IgnoreQueryFilters().CountAsync());
}
