using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.UnitTests.Domain;

public sealed class ChartingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Cover = Guid.CreateVersion7();

    public enum Who
    {
        VisitsTherapist,
        CoveringTherapist,
        OtherTherapist,
        NobodySignedIn,
    }

    public static TheoryData<VisitStatus, NoteStatus?, EpisodeStatus, Who, ChartingRefusal?> Cases => new()
    {
        // Who may chart: the visit's therapist and its cover, once the patient is here.
        { VisitStatus.CheckedIn, null, EpisodeStatus.Active, Who.VisitsTherapist, null },
        { VisitStatus.CheckedIn, NoteStatus.Draft, EpisodeStatus.Active, Who.VisitsTherapist, null },
        { VisitStatus.CheckedIn, NoteStatus.Draft, EpisodeStatus.Active, Who.CoveringTherapist, null },
        { VisitStatus.CheckedIn, NoteStatus.Draft, EpisodeStatus.OnHold, Who.VisitsTherapist, null },
        { VisitStatus.CheckedIn, NoteStatus.Draft, EpisodeStatus.Active, Who.OtherTherapist, ChartingRefusal.NotTheTreatingTherapist },
        { VisitStatus.CheckedIn, NoteStatus.Draft, EpisodeStatus.Active, Who.NobodySignedIn, ChartingRefusal.NotTheTreatingTherapist },

        // A signed note never opens again, for anyone.
        { VisitStatus.Completed, NoteStatus.Signed, EpisodeStatus.Active, Who.VisitsTherapist, ChartingRefusal.NoteSigned },
        { VisitStatus.Completed, NoteStatus.Signed, EpisodeStatus.Active, Who.OtherTherapist, ChartingRefusal.NoteSigned },
        { VisitStatus.Completed, NoteStatus.Signed, EpisodeStatus.Discharged, Who.VisitsTherapist, ChartingRefusal.NoteSigned },

        // Nor does a discharged episode, whatever the visit.
        { VisitStatus.CheckedIn, null, EpisodeStatus.Discharged, Who.VisitsTherapist, ChartingRefusal.EpisodeDischarged },
        { VisitStatus.Scheduled, null, EpisodeStatus.Discharged, Who.VisitsTherapist, ChartingRefusal.EpisodeDischarged },
        { VisitStatus.CheckedIn, null, EpisodeStatus.Discharged, Who.OtherTherapist, ChartingRefusal.EpisodeDischarged },

        // Charting starts at check-in; a visit that did not happen has nothing to chart.
        { VisitStatus.Scheduled, null, EpisodeStatus.Open, Who.VisitsTherapist, ChartingRefusal.NotCheckedIn },
        { VisitStatus.Scheduled, null, EpisodeStatus.Open, Who.OtherTherapist, ChartingRefusal.NotCheckedIn },
        { VisitStatus.Cancelled, null, EpisodeStatus.Active, Who.VisitsTherapist, ChartingRefusal.VisitNotAttended },
        { VisitStatus.NoShow, null, EpisodeStatus.Active, Who.CoveringTherapist, ChartingRefusal.VisitNotAttended },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_visit_is_charted_by_its_therapist_or_cover_while_checked_in_unsigned_and_not_discharged(
        VisitStatus visitStatus, NoteStatus? noteStatus, EpisodeStatus episodeStatus, Who who, ChartingRefusal? expected)
    {
        var visit = VisitIn(visitStatus);
        Guid? chartedBy = who switch
        {
            Who.VisitsTherapist => visit.TherapistId,
            Who.CoveringTherapist => Cover,
            Who.OtherTherapist => Guid.CreateVersion7(),
            _ => null,
        };

        var decision = Charting.Decide(visit, noteStatus, episodeStatus, chartedBy);

        decision.Refusal.ShouldBe(expected);
        decision.MayChart.ShouldBe(expected is null);
        decision.Message.ShouldBe(expected is { } refusal ? Charting.Message(refusal) : null);
    }

    [Fact]
    public void Each_refusal_has_its_own_message_and_a_refused_decision_throws_it()
    {
        var refusals = Enum.GetValues<ChartingRefusal>();

        refusals.Select(Charting.Message).Distinct().Count().ShouldBe(refusals.Length);
        foreach (var refusal in refusals)
        {
            Should.Throw<DomainException>(() => ChartingDecision.Refused(refusal).EnsureMayChart())
                .Message.ShouldBe(Charting.Message(refusal));
        }

        Should.NotThrow(() => ChartingDecision.Allowed.EnsureMayChart());
    }

    [Fact]
    public void A_discharged_episode_refuses_charting_with_the_message_it_refuses_everything_else_with()
    {
        var episode = EpisodeOfCareTests.NewEpisode();
        episode.Discharge(DischargeReason.GoalsMet, null, unsignedNotes: 0, Now);

        Should.Throw<DomainException>(episode.EnsureNotDischarged).Message
            .ShouldBe(Charting.Message(ChartingRefusal.EpisodeDischarged));
    }

    [Fact]
    public void Signing_is_held_to_the_same_rule()
    {
        var visit = VisitIn(VisitStatus.CheckedIn);
        var therapist = new StaffRef(visit.TherapistId, "Maya Lindqvist");
        var note = VisitNote.Start(visit, therapist, Now);
        note.SaveDraft("Tight behind the knee", null, null, null, therapist, Now);

        Should.Throw<DomainException>(() => note.Sign(visit, EpisodeStatus.Discharged, therapist, Now))
            .Message.ShouldBe(Charting.Message(ChartingRefusal.EpisodeDischarged));
        Should.Throw<DomainException>(() => note.Sign(visit, EpisodeStatus.Active, new StaffRef(Guid.CreateVersion7(), "Lena Voss"), Now))
            .Message.ShouldBe(Charting.Message(ChartingRefusal.NotTheTreatingTherapist));
        note.IsSigned.ShouldBeFalse();
        visit.Status.ShouldBe(VisitStatus.CheckedIn);
    }

    /// <summary>A visit covered by <see cref="Cover"/>, brought to <paramref name="status"/> the way the clinic would.</summary>
    private static Visit VisitIn(VisitStatus status) => VisitTests.VisitIn(status, Cover).Visit;
}
