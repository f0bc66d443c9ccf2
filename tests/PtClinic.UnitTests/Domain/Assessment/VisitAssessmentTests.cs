using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Visits;

namespace PtClinic.UnitTests.Domain.Assessment;

public sealed class VisitAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffRef Colleague = new(Guid.CreateVersion7(), "Jonas Berg");
    private const string BicepsFemoris = "biceps-femoris-long-head";

    /// <summary>Every change a therapist can make to an open assessment, each on a knot charted beforehand.</summary>
    private static readonly Dictionary<string, Action<VisitAssessment, Guid, StaffRef, DateTimeOffset>> Changes = new()
    {
        ["record findings"] = (a, _, by, at) => a.RecordFindings(Findings.None with { Pain = new PainFindings(now: 4) }, by, at),
        ["add a knot"] = (a, _, by, at) => a.AddKnot("semitendinosus", BodySide.Left, MuscleZone.DistalThird, Presentation(), by, at),
        ["update a knot"] = (a, knot, by, at) => a.UpdateKnot(knot, Presentation(tenderness: 2), by, at),
        ["remove a knot"] = (a, knot, by, at) => a.RemoveKnot(knot, by, at),
        ["record a questionnaire"] = (a, _, by, at) => a.RecordOutcome(Lefs(4), by, at),
        ["remove a questionnaire"] = (a, _, by, at) => a.RemoveOutcome(OutcomeMeasure.Psfs, by, at),
    };

    public static TheoryData<string> ChangeNames => [.. Changes.Keys];

    /// <summary>An open assessment of a checked-in visit, with one knot and a PSFS already charted.</summary>
    public static (VisitAssessment Assessment, StaffRef Therapist) Started()
    {
        var (visit, _) = VisitTests.VisitIn(VisitStatus.CheckedIn);
        var therapist = new StaffRef(visit.TherapistId, "Maya Lindqvist");
        return (VisitAssessment.Start(visit, therapist, Now), therapist);
    }

    public static KnotPresentation Presentation(int tenderness = 6, decimal? ppt = 3.5m, int? sizeMm = 8, params ReferredPainArea[] referred) =>
        new(tenderness, ppt, sizeMm, IsActive: true, LocalTwitchResponse: false, referred);

    private static LefsResponse Lefs(int each) => LefsResponse.From([.. Enumerable.Repeat(each, LefsResponse.ItemCount)]);

    private static PsfsResponse Psfs(int each) =>
        PsfsResponse.From([new("Run 5 km", each), new("Climb stairs", each), new("Sit through a film", each)]);

    private static (VisitAssessment Assessment, StaffRef Therapist, Guid Knot) Charted() => ChartedAt().Charted;

    /// <summary>As <see cref="Charted"/>, with a way to sign the visit's note at a given time.</summary>
    private static ((VisitAssessment Assessment, StaffRef Therapist, Guid Knot) Charted, Func<DateTimeOffset, VisitNoteSigned> SignNote) ChartedAt()
    {
        var (visit, episode) = VisitTests.VisitIn(VisitStatus.CheckedIn);
        var therapist = new StaffRef(visit.TherapistId, "Maya Lindqvist");
        var assessment = VisitAssessment.Start(visit, therapist, Now);
        var knot = assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird, Presentation(), therapist, Now);
        assessment.RecordOutcome(Psfs(5), therapist, Now);
        return ((assessment, therapist, knot.Id), at =>
        {
            var note = VisitNote.Start(visit, therapist, Now);
            note.SaveDraft("Tight behind the knee", null, null, null, therapist, Now);
            note.Sign(visit, episode.Status, therapist, at);
            return note.TakeDomainEvents().OfType<VisitNoteSigned>().Single();
        });
    }

    [Theory]
    [InlineData(VisitStatus.Scheduled, ChartingRefusal.NotCheckedIn)]
    [InlineData(VisitStatus.CheckedIn, null)]
    [InlineData(VisitStatus.Cancelled, ChartingRefusal.VisitNotAttended)]
    [InlineData(VisitStatus.NoShow, ChartingRefusal.VisitNotAttended)]
    public void An_assessment_is_started_once_the_patient_is_checked_in(VisitStatus status, ChartingRefusal? refusal)
    {
        var (visit, _) = VisitTests.VisitIn(status);
        var therapist = new StaffRef(visit.TherapistId, "Maya");
        var start = () => VisitAssessment.Start(visit, therapist, Now);

        if (refusal is null)
        {
            start().ShouldSatisfyAllConditions(
                a => a.VisitId.ShouldBe(visit.Id),
                a => a.EpisodeId.ShouldBe(visit.EpisodeId),
                a => a.PatientId.ShouldBe(visit.PatientId),
                a => a.ClinicId.ShouldBe(visit.ClinicId),
                a => a.Findings.ShouldBe(Findings.None),
                a => a.Knots.ShouldBeEmpty(),
                a => a.Outcomes.ShouldBeEmpty(),
                a => a.IsFrozen.ShouldBeFalse(),
                a => (a.LastEditedBy, a.LastEditedAt).ShouldBe((therapist, Now)));
        }
        else
        {
            Should.Throw<DomainException>(start).Message.ShouldBe(Charting.Message(refusal.Value));
        }
    }

    [Fact]
    public void Pain_now_in_the_findings_is_recorded_as_the_visits_NPRS()
    {
        var (assessment, therapist) = Started();
        var findings = Findings.None with { Pain = new PainFindings(now: 6, best24Hours: 3, worst24Hours: 8) };

        assessment.RecordFindings(findings, therapist, Now.AddMinutes(5));

        assessment.Findings.ShouldBe(findings);
        var nprs = assessment.Outcomes.ShouldHaveSingleItem();
        nprs.ShouldSatisfyAllConditions(
            o => o.Measure.ShouldBe(OutcomeMeasure.Nprs),
            o => o.Score.ShouldBe(6m),
            o => o.AssessmentId.ShouldBe(assessment.Id),
            o => o.ClinicId.ShouldBe(assessment.ClinicId),
            o => o.RecordedAt.ShouldBe(Now.AddMinutes(5)));
    }

    [Theory]
    [InlineData(6, 3, 3)]
    [InlineData(6, null, null)]
    [InlineData(null, 4, 4)]
    [InlineData(null, null, null)]
    public void Recording_findings_again_replaces_or_clears_the_NPRS(int? firstPainNow, int? secondPainNow, int? expectedNprs)
    {
        var (assessment, therapist) = Started();
        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: firstPainNow) }, therapist, Now);

        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: secondPainNow) }, therapist, Now.AddMinutes(1));

        assessment.Outcomes.Where(o => o.Measure == OutcomeMeasure.Nprs).Select(o => (int?)o.Score)
            .ShouldBe(expectedNprs is null ? [] : [expectedNprs]);
    }

    [Fact]
    public void Findings_without_pain_clear_the_NPRS_but_keep_the_other_questionnaires()
    {
        var (assessment, therapist, _) = Charted();
        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: 7) }, therapist, Now);

        assessment.RecordFindings(Findings.None, therapist, Now.AddMinutes(1));

        assessment.Outcomes.Select(o => o.Measure).ShouldBe([OutcomeMeasure.Psfs]);
    }

    [Fact]
    public void A_knot_is_charted_at_its_site_with_how_it_presented()
    {
        var (assessment, therapist) = Started();

        var knot = assessment.AddKnot(
            BicepsFemoris, BodySide.Right, MuscleZone.ProximalThird,
            new KnotPresentation(7, 2.5m, 12, IsActive: true, LocalTwitchResponse: true, [ReferredPainArea.PosteriorThigh]),
            therapist, Now);

        assessment.Knots.ShouldBe([knot]);
        knot.ShouldSatisfyAllConditions(
            k => k.AssessmentId.ShouldBe(assessment.Id),
            k => k.ClinicId.ShouldBe(assessment.ClinicId),
            k => (k.MuscleCode, k.Side, k.Zone).ShouldBe((BicepsFemoris, BodySide.Right, MuscleZone.ProximalThird)),
            k => (k.Tenderness, k.PressurePainThreshold, k.SizeMm).ShouldBe((7, 2.5m, 12)),
            k => (k.IsActive, k.LocalTwitchResponse).ShouldBe((true, true)),
            k => k.ReferredPain.ShouldBe([ReferredPainArea.PosteriorThigh]));
    }

    [Theory]
    [InlineData(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird, false)]
    [InlineData(BicepsFemoris, BodySide.Right, MuscleZone.MiddleThird, true)]
    [InlineData(BicepsFemoris, BodySide.Left, MuscleZone.DistalThird, true)]
    [InlineData("semimembranosus", BodySide.Left, MuscleZone.MiddleThird, true)]
    public void A_second_knot_at_the_same_site_is_refused(string muscle, BodySide side, MuscleZone zone, bool allowed)
    {
        var (assessment, therapist, first) = Charted();
        var add = () => assessment.AddKnot(muscle, side, zone, Presentation(tenderness: 9), therapist, Now);

        if (allowed)
        {
            add();
            assessment.Knots.Count.ShouldBe(2);
        }
        else
        {
            Should.Throw<DomainException>(add).Message.ShouldContain("already charted");
            assessment.Knots.ShouldHaveSingleItem().Tenderness.ShouldBe(6);
        }
    }

    [Fact]
    public void Updating_a_knot_replaces_its_presentation_and_keeps_its_site()
    {
        var (assessment, therapist, knotId) = Charted();

        assessment.UpdateKnot(knotId, new KnotPresentation(3, null, null, IsActive: false, LocalTwitchResponse: true, [ReferredPainArea.LowerLeg]), therapist, Now);

        assessment.Knots.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            k => k.Id.ShouldBe(knotId),
            k => (k.MuscleCode, k.Side, k.Zone).ShouldBe((BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird)),
            k => (k.Tenderness, k.PressurePainThreshold, k.SizeMm).ShouldBe((3, (decimal?)null, (int?)null)),
            k => (k.IsActive, k.LocalTwitchResponse).ShouldBe((false, true)),
            k => k.ReferredPain.ShouldBe([ReferredPainArea.LowerLeg]));
    }

    [Fact]
    public void Removing_a_knot_frees_its_site()
    {
        var (assessment, therapist, knotId) = Charted();

        assessment.RemoveKnot(knotId, therapist, Now);

        assessment.Knots.ShouldBeEmpty();
        assessment.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird, Presentation(), therapist, Now);
        assessment.Knots.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("update")]
    [InlineData("remove")]
    public void A_knot_not_charted_at_this_visit_cannot_be_changed(string change)
    {
        var (assessment, therapist, _) = Charted();
        var (other, _) = Started();
        var elsewhere = other.AddKnot(BicepsFemoris, BodySide.Left, MuscleZone.MiddleThird, Presentation(), therapist, Now);
        Action act = change == "update"
            ? () => assessment.UpdateKnot(elsewhere.Id, Presentation(tenderness: 1), therapist, Now)
            : () => assessment.RemoveKnot(elsewhere.Id, therapist, Now);

        Should.Throw<DomainException>(act).Message.ShouldContain("not charted");
        assessment.Knots.ShouldHaveSingleItem().Tenderness.ShouldBe(6);
    }

    [Fact]
    public void Recording_a_questionnaire_again_replaces_the_earlier_answer()
    {
        var (assessment, therapist, _) = Charted();
        assessment.RecordOutcome(Lefs(2), therapist, Now);

        var latest = assessment.RecordOutcome(Lefs(3), therapist, Now.AddMinutes(2));

        assessment.Outcomes.Select(o => (o.Measure, o.Score)).ShouldBe([(OutcomeMeasure.Psfs, 5m), (OutcomeMeasure.Lefs, 60m)], ignoreOrder: true);
        assessment.Outcomes.ShouldContain(latest);
    }

    [Fact]
    public void NPRS_is_refused_as_a_questionnaire_because_it_comes_from_the_pain_findings()
    {
        var (assessment, therapist) = Started();
        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: 5) }, therapist, Now);

        Should.Throw<DomainException>(() => assessment.RecordOutcome(NprsResponse.From(2), therapist, Now))
            .Message.ShouldContain("pain findings");
        assessment.Outcomes.ShouldHaveSingleItem().Score.ShouldBe(5m);
    }

    [Fact]
    public void Removing_a_questionnaire_drops_only_that_one()
    {
        var (assessment, therapist, _) = Charted();
        assessment.RecordOutcome(Lefs(4), therapist, Now);

        assessment.RemoveOutcome(OutcomeMeasure.Psfs, therapist, Now);

        assessment.Outcomes.Select(o => o.Measure).ShouldBe([OutcomeMeasure.Lefs]);
    }

    [Theory]
    [InlineData(OutcomeMeasure.Odi, "No ODI is recorded")]
    [InlineData(OutcomeMeasure.Nprs, "clear it in the pain findings")]
    public void Removing_a_questionnaire_not_recorded_or_the_NPRS_is_refused(OutcomeMeasure measure, string message)
    {
        var (assessment, therapist, _) = Charted();
        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: 5) }, therapist, Now);
        var editedAt = assessment.LastEditedAt;

        Should.Throw<DomainException>(() => assessment.RemoveOutcome(measure, Colleague, Now.AddHours(1)))
            .Message.ShouldContain(message);
        assessment.Outcomes.Select(o => o.Measure).ShouldBe([OutcomeMeasure.Psfs, OutcomeMeasure.Nprs], ignoreOrder: true);
        assessment.LastEditedAt.ShouldBe(editedAt);
    }

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void Every_change_records_who_made_it_and_when(string change)
    {
        var (assessment, _, knot) = Charted();

        Changes[change](assessment, knot, Colleague, Now.AddMinutes(10));

        (assessment.LastEditedBy, assessment.LastEditedAt).ShouldBe((Colleague, Now.AddMinutes(10)));
    }

    [Fact]
    public void Freezing_records_when_the_note_was_signed()
    {
        var ((assessment, _, _), signNote) = ChartedAt();

        assessment.Freeze(signNote(Now.AddMinutes(40)));

        assessment.IsFrozen.ShouldBeTrue();
        assessment.FrozenAt.ShouldBe(Now.AddMinutes(40));
    }

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void Once_frozen_every_change_is_refused(string change)
    {
        var ((assessment, therapist, knot), signNote) = ChartedAt();
        assessment.Freeze(signNote(Now.AddMinutes(40)));

        Should.Throw<DomainException>(() => Changes[change](assessment, knot, Colleague, Now.AddHours(1)))
            .Message.ShouldContain("signed");
        assessment.ShouldSatisfyAllConditions(
            a => (a.LastEditedBy, a.LastEditedAt).ShouldBe((therapist, Now)),
            a => a.Findings.ShouldBe(Findings.None),
            a => a.Knots.ShouldHaveSingleItem().Tenderness.ShouldBe(6),
            a => a.Outcomes.Select(o => o.Measure).ShouldBe([OutcomeMeasure.Psfs]));
    }

    [Fact]
    public void Freezing_twice_is_refused()
    {
        var ((assessment, _, _), signNote) = ChartedAt();
        var signed = signNote(Now.AddMinutes(40));
        assessment.Freeze(signed);

        Should.Throw<DomainException>(() => assessment.Freeze(signed)).Message.ShouldContain("signed");
        assessment.FrozenAt.ShouldBe(Now.AddMinutes(40));
    }

    [Fact]
    public void Only_the_signing_of_its_own_visits_note_freezes_an_assessment()
    {
        var ((assessment, _, _), _) = ChartedAt();
        var (_, signOtherNote) = ChartedAt();

        Should.Throw<DomainException>(() => assessment.Freeze(signOtherNote(Now.AddMinutes(40))));
        assessment.IsFrozen.ShouldBeFalse();
    }
}
