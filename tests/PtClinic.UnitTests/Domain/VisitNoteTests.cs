using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.UnitTests.Domain;

public sealed class VisitNoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static (Visit Visit, VisitNote Note, StaffRef Therapist) Draft(string? subjective = "Tight behind the knee")
    {
        var (visit, _) = VisitTests.VisitIn(VisitStatus.CheckedIn);
        var therapist = new StaffRef(visit.TherapistId, "Maya Lindqvist");
        var note = VisitNote.Start(visit, therapist, Now);
        note.SaveDraft(subjective, null, null, null, therapist, Now);
        return (visit, note, therapist);
    }

    [Theory]
    [InlineData(VisitStatus.Scheduled, ChartingRefusal.NotCheckedIn)]
    [InlineData(VisitStatus.CheckedIn, null)]
    [InlineData(VisitStatus.Cancelled, ChartingRefusal.VisitNotAttended)]
    [InlineData(VisitStatus.NoShow, ChartingRefusal.VisitNotAttended)]
    public void A_note_is_started_once_the_patient_is_checked_in(VisitStatus status, ChartingRefusal? refusal)
    {
        var (visit, _) = VisitTests.VisitIn(status);
        var start = () => VisitNote.Start(visit, new StaffRef(visit.TherapistId, "Maya"), Now);

        if (refusal is null)
        {
            var note = start();
            note.ShouldSatisfyAllConditions(
                n => n.VisitId.ShouldBe(visit.Id),
                n => n.ClinicId.ShouldBe(visit.ClinicId),
                n => n.Status.ShouldBe(NoteStatus.Draft),
                n => n.IsEmpty.ShouldBeTrue());
        }
        else
        {
            Should.Throw<DomainException>(start).Message.ShouldBe(Charting.Message(refusal.Value));
        }
    }

    [Fact]
    public void A_draft_save_replaces_every_section_and_records_the_editor()
    {
        var (_, note, _) = Draft();
        var colleague = new StaffRef(Guid.CreateVersion7(), "Jonas Berg");

        note.SaveDraft(null, "SLR 60°", "Trigger point, left biceps femoris", "Stretch 3 × 30 s", colleague, Now.AddMinutes(5));

        (note.Subjective, note.Objective, note.Assessment, note.Plan)
            .ShouldBe(("", "SLR 60°", "Trigger point, left biceps femoris", "Stretch 3 × 30 s"));
        note.LastEditedBy.ShouldBe(colleague);
        note.LastEditedAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void A_section_over_the_limit_is_refused()
    {
        var (_, note, therapist) = Draft();
        var atLimit = new string('x', VisitNote.SectionMaxLength);

        Should.Throw<DomainException>(() => note.SaveDraft(atLimit + "x", null, null, null, therapist, Now))
            .Message.ShouldContain("Subjective");
        note.Subjective.ShouldBe("Tight behind the knee");
        note.SaveDraft(atLimit, null, null, atLimit, therapist, Now);
        note.Plan.Length.ShouldBe(VisitNote.SectionMaxLength);
    }

    [Fact]
    public void Signing_freezes_the_note_and_completes_the_visit()
    {
        var (visit, note, therapist) = Draft();

        note.Sign(visit, EpisodeStatus.Active, therapist, Now.AddMinutes(40));

        note.IsSigned.ShouldBeTrue();
        note.SignedBy.ShouldBe(therapist);
        note.SignedAt.ShouldBe(Now.AddMinutes(40));
        visit.Status.ShouldBe(VisitStatus.Completed);
        var signed = note.TakeDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<VisitNoteSigned>();
        (signed.ClinicId, signed.NoteId, signed.VisitId, signed.EpisodeId).ShouldBe((note.ClinicId, note.Id, visit.Id, visit.EpisodeId));
        (signed.SignedBy, signed.SignedAt).ShouldBe((therapist, Now.AddMinutes(40)));
        note.TakeDomainEvents().ShouldBeEmpty();
        Should.Throw<DomainException>(() => note.SaveDraft("Rewritten", null, null, null, therapist, Now)).Message.ShouldContain("addendum");
        note.Subjective.ShouldBe("Tight behind the knee");
    }

    [Theory]
    [InlineData("therapist", true)]
    [InlineData("cover", true)]
    [InlineData("colleague", false)]
    public void Only_the_visits_therapist_or_its_cover_may_sign(string who, bool allowed)
    {
        var (visit, note, therapist) = Draft();
        var cover = new StaffRef(Guid.CreateVersion7(), "Jonas Berg");
        visit.AssignCover(cover.UserId);
        var signer = who switch
        {
            "therapist" => therapist,
            "cover" => cover,
            _ => new StaffRef(Guid.CreateVersion7(), "Lena Voss"),
        };

        if (allowed)
        {
            note.Sign(visit, EpisodeStatus.Active, signer, Now);
            note.SignedBy.ShouldBe(signer);
        }
        else
        {
            Should.Throw<DomainException>(() => note.Sign(visit, EpisodeStatus.Active, signer, Now));
            note.IsSigned.ShouldBeFalse();
            visit.Status.ShouldBe(VisitStatus.CheckedIn);
        }
    }

    [Fact]
    public void Signing_twice_is_refused()
    {
        var (visit, note, therapist) = Draft();
        note.Sign(visit, EpisodeStatus.Active, therapist, Now);
        note.TakeDomainEvents();

        Should.Throw<DomainException>(() => note.Sign(visit, EpisodeStatus.Active, therapist, Now.AddHours(1)));
        note.SignedAt.ShouldBe(Now);
        note.TakeDomainEvents().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void An_empty_note_cannot_be_signed(string? subjective)
    {
        var (visit, note, therapist) = Draft(subjective);

        Should.Throw<DomainException>(() => note.Sign(visit, EpisodeStatus.Active, therapist, Now)).Message.ShouldContain("empty");
        note.IsSigned.ShouldBeFalse();
        visit.Status.ShouldBe(VisitStatus.CheckedIn);
    }

    [Fact]
    public void A_note_is_signed_only_with_its_own_visit()
    {
        var (_, note, therapist) = Draft();
        var (otherVisit, _) = VisitTests.VisitIn(VisitStatus.CheckedIn);

        Should.Throw<DomainException>(() => note.Sign(otherVisit, EpisodeStatus.Active, therapist, Now));
        otherVisit.Status.ShouldBe(VisitStatus.CheckedIn);
    }

    [Fact]
    public void Addenda_go_on_signed_notes_only_and_keep_their_author_and_time()
    {
        var (visit, note, therapist) = Draft();
        Should.Throw<DomainException>(() => note.AddAddendum("Too early", therapist, Now));
        note.Sign(visit, EpisodeStatus.Active, therapist, Now);
        var colleague = new StaffRef(Guid.CreateVersion7(), "Jonas Berg");

        var addendum = note.AddAddendum(" Pain 6/10 after running ", colleague, Now.AddDays(1));

        note.Addenda.ShouldBe([addendum]);
        addendum.ShouldSatisfyAllConditions(
            a => a.NoteId.ShouldBe(note.Id),
            a => a.ClinicId.ShouldBe(note.ClinicId),
            a => a.Text.ShouldBe("Pain 6/10 after running"),
            a => a.Author.ShouldBe(colleague),
            a => a.SignedAt.ShouldBe(Now.AddDays(1)));
        Should.Throw<DomainException>(() => note.AddAddendum(" ", colleague, Now));
        Should.Throw<DomainException>(() => note.AddAddendum(new string('x', NoteAddendum.TextMaxLength + 1), colleague, Now));
        note.Addenda.Count.ShouldBe(1);
    }

    [Fact]
    public void A_refused_save_leaves_every_section_as_it_was()
    {
        var (_, note, therapist) = Draft("Tight behind the knee");

        Should.Throw<DomainException>(() =>
            note.SaveDraft("Replaced", "Replaced", "Replaced", new string('x', VisitNote.SectionMaxLength + 1), therapist, Now));

        note.Subjective.ShouldBe("Tight behind the knee");
        note.Objective.ShouldBe("");
        note.Assessment.ShouldBe("");
    }
}
