using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;
using static PtClinic.IntegrationTests.Features.Treatment.TreatmentClinic;

namespace PtClinic.IntegrationTests.Features.Treatment;

/// <summary>What a visit performed freezes with its signed note: the app refuses changes, and the database refuses them to the app's role.</summary>
public sealed class SignedTreatmentTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Signing_freezes_the_interventions_and_the_procedure_and_the_database_refuses_their_update_and_delete()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (visitId, first, _) = await clinic.EligibleAsync(App);
        (await App.SendAsync(clinic.Therapist, Needling(visitId, first))).Ok();
        var given = (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, 25, null, null))).Ok();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Needled the left hamstring", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();

        var signed = (await App.SendAsync(clinic.Therapist, new GetVisitTreatmentQuery(visitId))).Ok();
        signed.IsFrozen.ShouldBeTrue();
        signed.CanEdit.ShouldBeFalse();
        (await App.SendAsync(clinic.Therapist, new RemovePerformedInterventionCommand(visitId, given.InterventionId))).Failed(ErrorKind.Rule);
        (await App.SendAsync(clinic.Therapist, Needling(visitId, first))).Failed(ErrorKind.Rule);

        const string OfTheTreatment = "treatment_id = (SELECT id FROM visit_treatments WHERE visit_id = @visit)";
        await RefusedAsync($"UPDATE performed_interventions SET minutes = 60 WHERE {OfTheTreatment}", visitId);
        await RefusedAsync($"DELETE FROM performed_interventions WHERE {OfTheTreatment}", visitId);
        await RefusedAsync($"UPDATE dry_needling_procedures SET lot_number = 'other', adverse_events = '[]' WHERE {OfTheTreatment}", visitId);
        await RefusedAsync($"DELETE FROM dry_needling_procedures WHERE {OfTheTreatment}", visitId);
        await RefusedAsync("UPDATE visit_treatments SET frozen_at = NULL WHERE visit_id = @visit", visitId);
        await RefusedAsync("DELETE FROM visit_treatments WHERE visit_id = @visit", visitId);
        await RefusedAsync($"""
            INSERT INTO performed_interventions (id, clinic_id, treatment_id, intervention_code, name, billing, cpt_code, minutes, performed_at)
            SELECT gen_random_uuid(), clinic_id, id, 'glute-bridge', 'Glute bridge', 'Timed', '97110', 30, now() FROM visit_treatments WHERE visit_id = @visit
            """, visitId);

        var after = (await App.SendAsync(clinic.Therapist, new GetVisitTreatmentQuery(visitId))).Ok();
        after.Interventions.ShouldBe(signed.Interventions);
        after.DryNeedling!.LotNumber.ShouldBe("LOT-2611-A");
        after.DryNeedling.AdverseEvents.ShouldBe(signed.DryNeedling!.AdverseEvents);
    }

    [Fact]
    public async Task A_treatment_cannot_be_added_to_a_visit_whose_note_is_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.SignedVisitAsync();

        (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, 25, null, null)))
            .Failed(ErrorKind.Rule).Message.ShouldContain("signed");
        await RefusedAsync("""
            INSERT INTO visit_treatments (id, clinic_id, visit_id, episode_id, patient_id, last_edited_at, last_edited_by_name, last_edited_by_user_id)
            SELECT gen_random_uuid(), clinic_id, id, episode_id, patient_id, now(), 'Someone', therapist_id FROM visits WHERE id = @visit
            """, visitId);
    }

    /// <summary>Runs SQL as the app's runtime role, past the application, and expects a guard trigger to refuse it.</summary>
    private async Task RefusedAsync(string sql, Guid visitId)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("visit", visitId);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        refused.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation, $"{sql}: {refused.MessageText}");
    }
}
