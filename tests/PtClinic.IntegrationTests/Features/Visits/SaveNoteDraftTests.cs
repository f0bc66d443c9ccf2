using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

public sealed class SaveNoteDraftTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_first_save_creates_the_draft_and_each_save_returns_the_version_for_the_next()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();

        var first = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight", null, null, null))).Ok();
        var second = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, first.Version, "Tight hamstring", "SLR 60°", null, null))).Ok();
        var third = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, second.Version, "Tight hamstring", "SLR 60°", "Trigger point", "Stretch"))).Ok();

        second.NoteId.ShouldBe(first.NoteId);
        new[] { first.Version, second.Version, third.Version }.Distinct().Count().ShouldBe(3);
        var stored = await clinic.NoteAsync(visitId);
        stored.Version.ShouldBe(third.Version);
        stored.LastEditedAt.ShouldBe(third.SavedAt);
        stored.LastEditedBy.ShouldBe("Maya Lindqvist");
        (stored.Subjective, stored.Objective, stored.Assessment, stored.Plan).ShouldBe(("Tight hamstring", "SLR 60°", "Trigger point", "Stretch"));
        stored.NoteStatus.ShouldBe(NoteStatus.Draft);
    }

    [Fact]
    public async Task Of_two_saves_from_the_same_version_the_second_is_a_conflict_and_the_first_text_stays()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Start", null, null, null))).Ok();
        var seenByMe = (await clinic.NoteAsync(visitId)).Version;
        var seenByThem = (await clinic.NoteAsync(visitId, clinic.OtherTherapist)).Version;

        var mine = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, seenByMe, "Mine", null, null, null));
        var theirs = await App.SendAsync(clinic.OtherTherapist, new SaveNoteDraftCommand(visitId, seenByThem, "Theirs", null, null, null));

        mine.Ok();
        theirs.Failed(ErrorKind.Conflict);
        var stored = await clinic.NoteAsync(visitId);
        stored.Subjective.ShouldBe("Mine");
        stored.Version.ShouldBe(mine.Value.Version);
    }

    [Fact]
    public async Task Saving_as_if_there_were_no_note_when_there_is_one_is_a_conflict()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "First tab", null, null, null))).Ok();

        var secondTab = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Second tab", null, null, null));

        secondTab.Failed(ErrorKind.Conflict);
        (await clinic.NoteAsync(visitId)).Subjective.ShouldBe("First tab");
        (await CountNotesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Two_first_saves_racing_each_other_leave_one_note_and_a_conflict()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        // The other first save: inserted but not committed, so ours finds no note, inserts too and
        // waits on the unique index until the other commits.
        await using var other = new NpgsqlConnection(App.Database.ConnectionString);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await other.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO visit_notes (id, clinic_id, visit_id, subjective, objective, assessment, plan, status,
                                     last_edited_at, last_edited_by_name, last_edited_by_user_id)
            VALUES (@id, @clinic, @visit, 'Other tab', '', '', '', 'Draft', now(), 'Jonas Berg', @user)
            """, other, transaction))
        {
            insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
            insert.Parameters.AddWithValue("clinic", clinic.Id);
            insert.Parameters.AddWithValue("visit", visitId);
            insert.Parameters.AddWithValue("user", TestClinic.IdOf(clinic.OtherTherapist));
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var ours = App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "This tab", null, null, null));
        await WaitUntilABackendWaitsForALockAsync(ours);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        (await ours).Failed(ErrorKind.Conflict);
        (await CountNotesAsync()).ShouldBe(1);
        (await clinic.NoteAsync(visitId)).Subjective.ShouldBe("Other tab");
    }

    [Fact]
    public async Task An_overlong_section_is_a_field_error_and_nothing_is_saved()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var (_, chartedVisit) = await clinic.CheckedInVisitAsync();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(chartedVisit, null, "Kept", null, null, null))).Ok();
        var tooLong = new string('x', VisitNote.SectionMaxLength + 1);

        var create = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, tooLong, null, null, null));
        var update = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(chartedVisit, saved.Version, "Changed", null, null, tooLong));

        create.Failed(ErrorKind.Validation).For(nameof(SaveNoteDraftCommand.Subjective)).ShouldBe("The subjective section can be at most 20,000 characters; this one has 20001.");
        update.Failed(ErrorKind.Validation).For(nameof(SaveNoteDraftCommand.Plan)).ShouldBe("The plan section can be at most 20,000 characters; this one has 20001.");
        (await CountNotesAsync()).ShouldBe(1);
        var kept = await clinic.NoteAsync(chartedVisit);
        kept.Subjective.ShouldBe("Kept");
        kept.Version.ShouldBe(saved.Version);
    }

    [Fact]
    public async Task A_NUL_character_is_named_beside_its_section_and_nothing_is_saved()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var saved = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Kept", null, null, null))).Ok();

        var refused = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, saved.Version, "Kept", "Pasted\0from a PDF", null, null));

        refused.Failed(ErrorKind.Validation).For(nameof(SaveNoteDraftCommand.Objective))
            .ShouldBe(UnstorableText.MessageFor("Objective"));
        var kept = await clinic.NoteAsync(visitId);
        (kept.Objective, kept.Version).ShouldBe(("", saved.Version));
    }

    [Fact]
    public async Task A_note_at_every_sections_limit_with_markup_and_any_script_is_stored_as_typed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var markup = "<script>alert('x')</script> “痛み” 💪 \\ \"quoted\" & <b>bold</b>\n";
        var full = string.Concat(Enumerable.Repeat(markup, VisitNote.SectionMaxLength / markup.Length + 1))[..VisitNote.SectionMaxLength];

        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, full, full, full, markup))).Ok();

        var note = await clinic.NoteAsync(visitId);
        (note.Subjective, note.Objective, note.Assessment, note.Plan).ShouldBe((full, full, full, markup));
    }

    [Fact]
    public async Task A_visit_is_charted_only_once_the_patient_is_checked_in()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var visitId = await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync());

        var result = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Too early", null, null, null));

        result.Failed(ErrorKind.Rule).Message.ShouldContain("Check the patient in");
        (await CountNotesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Only_therapists_write_notes_and_another_clinics_visit_is_not_found()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var (_, theirVisit) = await elsewhere.CheckedInVisitAsync();
        var theirNote = (await App.SendAsync(elsewhere.Therapist, new SaveNoteDraftCommand(theirVisit, null, "Theirs", null, null, null))).Ok();

        var desk = await App.SendAsync(clinic.Desk, new SaveNoteDraftCommand(visitId, null, "Desk", null, null, null));
        var create = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(theirVisit, null, "Mine", null, null, null));
        var update = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(theirVisit, theirNote.Version, "Mine", null, null, null));

        desk.Failed(ErrorKind.Forbidden);
        create.Failed(ErrorKind.NotFound);
        update.Failed(ErrorKind.NotFound);
        (await CountNotesAsync()).ShouldBe(1);
        (await elsewhere.NoteAsync(theirVisit)).Subjective.ShouldBe("Theirs");
    }

    private Task<int> CountNotesAsync() => App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync());

    /// <summary>Blocks until some session of the test database waits for a row lock, or the send ends first.</summary>
    private async Task WaitUntilABackendWaitsForALockAsync(Task send)
    {
        await using var monitor = new NpgsqlConnection(App.Database.ConnectionString);
        await monitor.OpenAsync(TestContext.Current.CancellationToken);
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", monitor);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
        {
            send.IsCompleted.ShouldBeFalse("the save finished without waiting for the other insert");
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the save never reached its insert");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
