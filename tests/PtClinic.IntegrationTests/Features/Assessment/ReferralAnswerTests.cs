using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Reasoning;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Assessment;

/// <summary>A referral answer answers reasons, by their codes, not the sentences they were shown in.</summary>
public sealed class ReferralAnswerTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_answer_to_unimproved_pain_still_stands_when_todays_NPRS_changes_the_sentence()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var visits = new List<Guid>();
        for (var visit = 0; visit < ReferralRules.VisitsToExpectImprovement; visit++)
        {
            var visitId = await clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow.AddDays(visit - ReferralRules.VisitsToExpectImprovement));
            (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
            (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { PainNow = 6 }))).Ok();
            visits.Add(visitId);
        }

        var today = visits[^1];
        var shown = await AssessmentAsync(clinic, today);
        (await App.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(today, ReferralAction.NotReferred, "Flare from a house move; review in two weeks"))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(today, shown.Version, FindingsInput.Empty with { PainNow = 5 }))).Ok();
        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(today, null, "Still 5/10", null, null, null))).Ok();

        var after = (await AssessmentAsync(clinic, today)).Referral.ShouldNotBeNull();
        var sign = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(today, note.Version));

        shown.Referral!.Reasons.ShouldBe(["pain has not improved by 2 points (NPRS MCID) after 6 visits: 6 → 6"]);
        after.Reasons.ShouldBe(["pain has not improved by 2 points (NPRS MCID) after 6 visits: 6 → 5"]);
        after.Acknowledgement.ShouldNotBeNull().Note.ShouldBe("Flare from a house move; review in two weeks");
        sign.Ok();
    }

    [Fact]
    public async Task An_answer_stored_under_an_earlier_wording_still_answers_its_reason()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { RedFlags = [RedFlag.NightPain] }))).Ok();
        // As an earlier release worded and stored it.
        await using (var connection = new NpgsqlConnection(App.Database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO referral_acknowledgements (id, clinic_id, episode_id, visit_id, action, note, reasons, reason_codes, acknowledged_at, acknowledged_by_name, acknowledged_by_user_id)
                VALUES (gen_random_uuid(), @clinic, @episode, @visit, 'Referred', 'GP letter', '{"red flag: pain at night"}', '{"red-flag:night-pain"}', now(), 'Maya Lindqvist', @user)
                """, connection);
            insert.Parameters.AddWithValue("clinic", clinic.Id);
            insert.Parameters.AddWithValue("episode", episodeId);
            insert.Parameters.AddWithValue("visit", visitId);
            insert.Parameters.AddWithValue("user", TestClinic.IdOf(clinic.Therapist));
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Wakes at 3 am with the ache", null, null, null))).Ok();
        var referral = (await AssessmentAsync(clinic, visitId)).Referral.ShouldNotBeNull();
        var sign = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version));

        referral.Reasons.ShouldBe(["red flag: night pain"]);
        referral.Acknowledgement.ShouldNotBeNull().Note.ShouldBe("GP letter");
        sign.Ok();
    }

    [Fact]
    public async Task A_red_flag_recorded_after_the_answer_needs_an_answer_of_its_own()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var fever = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { RedFlags = [RedFlag.Fever] }))).Ok();
        (await App.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(visitId, ReferralAction.NotReferred, "Cold, resolving"))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(
            visitId, fever.Version, FindingsInput.Empty with { RedFlags = [RedFlag.Fever, RedFlag.Numbness] }))).Ok();
        var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Numb toes since Tuesday", null, null, null))).Ok();

        var referral = (await AssessmentAsync(clinic, visitId)).Referral.ShouldNotBeNull();
        var sign = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version));

        referral.Reasons.ShouldBe(["red flag: numbness", "red flag: fever"]);
        referral.Acknowledgement.ShouldBeNull();
        sign.Failed(ErrorKind.Rule).Message.ShouldContain("refer-to-doctor");
    }

    private async Task<VisitAssessmentDto> AssessmentAsync(TestClinic clinic, Guid visitId) =>
        (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(visitId))).Ok();
}
