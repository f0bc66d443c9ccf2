using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

public sealed class AddNoteAddendumTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_signed_note_takes_dated_signed_addenda_in_order()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.SignedVisitAsync();

        var first = (await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(visitId, "Forgot: pain 6/10 after running"))).Ok();
        var second = (await App.SendAsync(clinic.OtherTherapist, new AddNoteAddendumCommand(visitId, "Seen by cover: twitch response noted"))).Ok();

        var addenda = (await clinic.NoteAsync(visitId)).Addenda;
        addenda.Select(a => a.Id).ShouldBe([first, second]);
        addenda.Select(a => a.Author).ShouldBe(["Maya Lindqvist", "Jonas Berg"]);
        addenda[0].Text.ShouldBe("Forgot: pain 6/10 after running");
        var stored = await App.ReadAsync(db => db.NoteAddenda.IgnoreQueryFilters().SingleAsync(a => a.Id == first));
        stored.ClinicId.ShouldBe(clinic.Id);
        stored.Author.UserId.ShouldBe(TestClinic.IdOf(clinic.Therapist));
    }

    [Fact]
    public async Task An_empty_addendum_is_a_field_error_and_nothing_is_added()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.SignedVisitAsync();

        var blank = await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(visitId, " "));
        var tooLong = await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(visitId, new string('x', NoteAddendum.TextMaxLength + 1)));

        blank.Failed(ErrorKind.Validation).For(nameof(AddNoteAddendumCommand.Text)).ShouldNotBeNull();
        tooLong.Failed(ErrorKind.Validation).For(nameof(AddNoteAddendumCommand.Text)).ShouldNotBeNull();
        (await CountAddendaAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_draft_is_edited_not_amended()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Draft", null, null, null))).Ok();

        var result = await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(visitId, "Addendum"));

        result.Failed(ErrorKind.Rule);
        (await CountAddendaAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Another_clinics_note_takes_no_addendum_from_here()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var (_, theirVisit) = await elsewhere.SignedVisitAsync();

        var result = await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(theirVisit, "Not mine to amend"));

        result.Failed(ErrorKind.NotFound);
        (await CountAddendaAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_signed_note_or_an_addendum_whatever_sends_the_SQL()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, signedVisit) = await clinic.SignedVisitAsync();
        var (_, draftVisit) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(draftVisit, null, "Draft", null, null, null))).Ok();
        var signed = await clinic.NoteAsync(signedVisit);
        var draft = await clinic.NoteAsync(draftVisit);
        var addendumId = (await App.SendAsync(clinic.Therapist, new AddNoteAddendumCommand(signedVisit, "Pain 6/10 after running"))).Ok();

        var updateSigned = await ExecuteAsync("UPDATE visit_notes SET subjective = 'Rewritten' WHERE id = @id", signed.NoteId!.Value);
        var deleteSigned = await ExecuteAsync("DELETE FROM visit_notes WHERE id = @id", signed.NoteId.Value);
        var updateAddendum = await ExecuteAsync("UPDATE note_addenda SET text = 'Rewritten' WHERE id = @id", addendumId);
        var deleteAddendum = await ExecuteAsync("DELETE FROM note_addenda WHERE id = @id", addendumId);
        var updateDraft = await ExecuteAsync("UPDATE visit_notes SET subjective = 'Still a draft' WHERE id = @id", draft.NoteId!.Value);

        foreach (var refused in new[] { updateSigned, deleteSigned, updateAddendum, deleteAddendum })
        {
            refused.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation);
        }

        updateDraft.ShouldBeNull();
        var after = await clinic.NoteAsync(signedVisit);
        after.Subjective.ShouldBe(signed.Subjective);
        after.Addenda.Single().Text.ShouldBe("Pain 6/10 after running");
        (await clinic.NoteAsync(draftVisit)).Subjective.ShouldBe("Still a draft");
    }

    private Task<int> CountAddendaAsync() => App.ReadAsync(db => db.NoteAddenda.IgnoreQueryFilters().CountAsync());

    /// <summary>
    /// Runs SQL straight on the database, past the application, as the tables' owner, who holds every
    /// privilege: the triggers refuse even it (the app's own role is refused sooner, by missing
    /// privileges: see LeastPrivilegeTests). The exception it raised, if any.
    /// </summary>
    private async Task<Exception?> ExecuteAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(App.Database.OwnerConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        try
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (PostgresException ex)
        {
            return ex;
        }
    }
}
