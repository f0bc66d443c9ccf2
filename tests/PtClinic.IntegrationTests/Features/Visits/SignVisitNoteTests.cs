using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

public sealed class SignVisitNoteTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_visits_therapist_signs_the_note_and_the_visit_is_completed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the knee", null, null, null))).Ok();

        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();

        var note = await clinic.NoteAsync(visitId);
        note.NoteStatus.ShouldBe(NoteStatus.Signed);
        note.SignedBy.ShouldBe("Maya Lindqvist");
        note.SignedAt.ShouldNotBeNull();
        note.VisitStatus.ShouldBe(VisitStatus.Completed);
        (await StoredNoteAsync(visitId)).SignedBy!.UserId.ShouldBe(TestClinic.IdOf(clinic.Therapist));
    }

    [Fact]
    public async Task A_covering_therapist_may_sign_and_any_other_therapist_may_not()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var stranger = await clinic.AddStaffAsync("Lena Voss", Domain.Staff.StaffRoles.Therapist);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight", null, null, null))).Ok();

        var byStranger = await App.SendAsync(stranger, new SignVisitNoteCommand(visitId, draft.Version));
        (await StoredNoteAsync(visitId)).Status.ShouldBe(NoteStatus.Draft);
        var byCover = await App.SendAsync(clinic.OtherTherapist, new SignVisitNoteCommand(visitId, draft.Version));

        byStranger.Failed(ErrorKind.Rule).Message.ShouldContain("Only the visit's therapist");
        byCover.Ok();
        (await clinic.NoteAsync(visitId)).SignedBy.ShouldBe("Jonas Berg");
    }

    [Fact]
    public async Task Signing_a_note_twice_is_refused()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.SignedVisitAsync();
        var signed = await clinic.NoteAsync(visitId);

        var again = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, signed.Version!.Value));

        again.Failed(ErrorKind.Rule).Message.ShouldContain("signed");
        (await clinic.NoteAsync(visitId)).ShouldBeEquivalentTo(signed);
    }

    [Fact]
    public async Task An_empty_note_cannot_be_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, blankVisit) = await clinic.CheckedInVisitAsync();
        var (_, unchartedVisit) = await clinic.CheckedInVisitAsync();
        var blank = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(blankVisit, null, "  ", "", null, "\n"))).Ok();

        var signBlank = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(blankVisit, blank.Version));
        var signNothing = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(unchartedVisit, 1));

        signBlank.Failed(ErrorKind.Rule).Message.ShouldContain("empty");
        signNothing.Failed(ErrorKind.Rule);
        (await StoredNoteAsync(blankVisit)).Status.ShouldBe(NoteStatus.Draft);
        (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync(v => v.Status == VisitStatus.Completed))).ShouldBe(0);
    }

    [Fact]
    public async Task Signing_text_someone_changed_since_is_a_conflict()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();
        var seen = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "What I read", null, null, null))).Ok();
        (await App.SendAsync(clinic.OtherTherapist, new SaveNoteDraftCommand(visitId, seen.Version, "What they wrote", null, null, null))).Ok();

        var sign = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, seen.Version));

        sign.Failed(ErrorKind.Conflict);
        var stored = await clinic.NoteAsync(visitId);
        stored.NoteStatus.ShouldBe(NoteStatus.Draft);
        stored.VisitStatus.ShouldBe(VisitStatus.CheckedIn);
    }

    [Fact]
    public async Task Signing_needs_a_visit_id_and_a_therapist()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight", null, null, null))).Ok();

        var noId = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(Guid.Empty, draft.Version));
        var byManager = await App.SendAsync(clinic.Manager, new SignVisitNoteCommand(visitId, draft.Version));

        noId.Failed(ErrorKind.Validation).For(nameof(SignVisitNoteCommand.VisitId)).ShouldNotBeNull();
        byManager.Failed(ErrorKind.Forbidden);
        var stored = await StoredNoteAsync(visitId);
        stored.Status.ShouldBe(NoteStatus.Draft);
        stored.Version.ShouldBe(draft.Version);
    }

    [Fact]
    public async Task A_signed_note_takes_no_more_draft_saves()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.SignedVisitAsync();
        var signed = await clinic.NoteAsync(visitId);

        var edit = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, signed.Version, "Rewritten", null, null, null));

        edit.Failed(ErrorKind.Rule).Message.ShouldContain("addendum");
        (await clinic.NoteAsync(visitId)).Subjective.ShouldBe(signed.Subjective);
    }

    [Fact]
    public async Task Another_clinics_note_cannot_be_signed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var (_, theirVisit) = await elsewhere.CheckedInVisitAsync();
        var draft = (await App.SendAsync(elsewhere.Therapist, new SaveNoteDraftCommand(theirVisit, null, "Theirs", null, null, null))).Ok();

        var sign = await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(theirVisit, draft.Version));

        sign.Failed(ErrorKind.NotFound);
        (await StoredNoteAsync(theirVisit)).Status.ShouldBe(NoteStatus.Draft);
    }

    private Task<VisitNote> StoredNoteAsync(Guid visitId) =>
        App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().SingleAsync(n => n.VisitId == visitId));
}
