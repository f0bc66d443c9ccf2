using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

public sealed class GetVisitNoteTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Before_the_first_save_the_note_is_blank_and_only_the_treating_therapist_may_chart_and_sign()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();

        var mine = await clinic.NoteAsync(visitId);
        var colleagues = await clinic.NoteAsync(visitId, clinic.OtherTherapist);
        var managers = await clinic.NoteAsync(visitId, clinic.Manager);

        mine.ShouldSatisfyAllConditions(
            n => n.EpisodeId.ShouldBe(episodeId),
            n => n.PatientId.ShouldBe(clinic.PatientId),
            n => n.PatientName.ShouldBe("Ellen Marsh"),
            n => n.TherapistName.ShouldBe("Maya Lindqvist"),
            n => n.VisitStatus.ShouldBe(VisitStatus.CheckedIn),
            n => n.NoteId.ShouldBeNull(),
            n => n.Version.ShouldBeNull(),
            n => n.NoteStatus.ShouldBeNull(),
            n => n.Subjective.ShouldBe(""),
            n => n.Addenda.ShouldBeEmpty());
        (mine.CanEdit, mine.CanSign).ShouldBe((true, true));
        (colleagues.CanEdit, colleagues.CanSign).ShouldBe((false, false));
        (managers.CanEdit, managers.CanSign).ShouldBe((false, false));
    }

    [Fact]
    public async Task A_visit_not_yet_checked_in_cannot_be_charted_and_the_front_desk_cannot_read_notes()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        var note = await clinic.NoteAsync(visitId);
        var desk = await App.SendAsync(clinic.Desk, new GetVisitNoteQuery(visitId));

        (note.CanEdit, note.CanSign).ShouldBe((false, false));
        desk.Failed(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task A_signed_note_shows_who_signed_it_and_its_addenda_and_is_read_only()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.SignedVisitAsync();
        (await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(visitId, "Pain 6/10 after running"))).Ok();

        var note = await clinic.NoteAsync(visitId);

        note.NoteStatus.ShouldBe(NoteStatus.Signed);
        note.Subjective.ShouldBe("Tight behind the left knee");
        note.SignedBy.ShouldBe("Maya Lindqvist");
        note.LastEditedBy.ShouldBe("Maya Lindqvist");
        note.Addenda.Single().ShouldSatisfyAllConditions(
            a => a.Text.ShouldBe("Pain 6/10 after running"),
            a => a.Author.ShouldBe("Maya Lindqvist"));
        (note.CanEdit, note.CanSign).ShouldBe((false, false));
    }

    [Fact]
    public async Task An_episode_with_a_draft_note_is_not_discharged_until_the_note_is_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Draft", null, null, null))).Ok();
        var before = await clinic.EpisodeAsync(episodeId);

        var refused = await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, before.Version, DischargeReason.StoppedAttending, null));

        refused.Failed(ErrorKind.Rule).Message.ShouldContain("still a draft");
        (await clinic.EpisodeAsync(episodeId)).Status.ShouldBe(before.Status);
        (await clinic.NoteAsync(visitId)).CanSign.ShouldBeTrue();

        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, saved.Version))).Ok();
        var signed = await clinic.EpisodeAsync(episodeId);
        (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, signed.Version, DischargeReason.StoppedAttending, null))).Ok();
        (await clinic.EpisodeAsync(episodeId)).Status.ShouldBe(EpisodeStatus.Discharged);
    }

    [Fact]
    public async Task The_note_carries_the_patients_medical_flags_this_visits_red_flags_and_those_open_on_the_episode()
    {
        var clinic = await TestClinic.CreateAsync(App);
        await RecordMedicalHistoryAsync(App, clinic.PatientId, MedicalHistory.None with { AnticoagulantUse = true, DeepVeinThrombosisHistory = true });
        var episodeId = await clinic.OpenEpisodeAsync();
        var now = DateTimeOffset.UtcNow;
        var earlier = await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, now.AddHours(-6), RedFlag.Numbness);
        var last = await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, now.AddHours(-3), RedFlag.Fever);
        var today = await clinic.ScheduleVisitAsync(episodeId, now.AddMinutes(-5));
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(today))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(today, null, FindingsInput.Empty with { RedFlags = [RedFlag.NightPain] }))).Ok();

        var safety = (await clinic.NoteAsync(today)).Safety;
        var atTheLastSignedVisit = (await clinic.NoteAsync(last)).Safety;

        safety.MedicalHistory.ShouldBe(["Anticoagulant use", "History of deep-vein thrombosis"]);
        safety.RedFlagsThisVisit.ShouldBe([RedFlag.NightPain]);
        // The numbness stays open though the fever visit did not tick it again: nobody closed it.
        safety.RedFlagsOpenOnEpisode.ShouldBe([RedFlag.Numbness, RedFlag.Fever]);
        safety.OpenRedFlags().ShouldBe([RedFlag.Numbness, RedFlag.NightPain, RedFlag.Fever]);
        atTheLastSignedVisit.RedFlagsThisVisit.ShouldBe([RedFlag.Fever]);
        atTheLastSignedVisit.RedFlagsOpenOnEpisode.ShouldBe([RedFlag.Numbness]);
        // A flag raised at a later visit was not open at an earlier one.
        (await clinic.NoteAsync(earlier)).Safety.RedFlagsOpenOnEpisode.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_patient_without_flags_has_an_empty_safety_line()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();

        var safety = (await clinic.NoteAsync(visitId)).Safety;

        safety.MedicalHistory.ShouldBeEmpty();
        safety.OpenRedFlags().ShouldBeEmpty();
    }

    /// <summary>A visit at which a red flag was recorded, the referral answered and the note signed.</summary>
    internal static async Task<Guid> SignedVisitWithRedFlagsAsync(AppFixture app, TestClinic clinic, Guid episodeId, DateTimeOffset at, RedFlag flag)
    {
        var visitId = await clinic.ScheduleVisitAsync(episodeId, at);
        (await app.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        (await app.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { RedFlags = [flag] }))).Ok();
        (await app.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(visitId, ReferralAction.Referred, "GP the same day"))).Ok();
        var draft = (await app.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Referred to the GP", null, null, null))).Ok();
        (await app.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();
        return visitId;
    }

    internal static async Task RecordMedicalHistoryAsync(AppFixture app, Guid patientId, MedicalHistory history)
    {
        await using var db = app.Database.CreateContext();
        var patient = await db.Patients.IgnoreQueryFilters().SingleAsync(p => p.Id == patientId);
        patient.RecordMedicalHistory(history);
        await db.SaveChangesAsync();
    }
}
