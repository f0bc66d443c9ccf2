using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Visits;

namespace PtClinic.UnitTests.Domain;

public sealed class VisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Therapist = Guid.CreateVersion7();
    private static readonly Guid Cover = Guid.CreateVersion7();

    public static Visit VisitOf(EpisodeOfCare episode, DateTimeOffset? startsAt = null) =>
        Visit.Schedule(episode, Therapist, startsAt ?? Now, 45, VisitType.FollowUp, Now);

    /// <summary>
    /// A visit brought to <paramref name="status"/> the way the clinic would; covered by
    /// <paramref name="cover"/> from the start when one is given (a finished visit takes no cover).
    /// </summary>
    public static (Visit Visit, EpisodeOfCare Episode) VisitIn(VisitStatus status, Guid? cover = null)
    {
        var episode = EpisodeOfCareTests.NewEpisode();
        var visit = VisitOf(episode, Now.AddMinutes(-30));
        if (cover is { } coveringTherapist)
        {
            visit.AssignCover(coveringTherapist);
        }

        switch (status)
        {
            case VisitStatus.CheckedIn:
                visit.CheckIn(episode, Now);
                break;
            case VisitStatus.Cancelled:
                visit.Cancel("Unwell");
                break;
            case VisitStatus.NoShow:
                visit.MarkNoShow(Now);
                break;
            case VisitStatus.Completed:
                visit.CheckIn(episode, Now);
                var note = VisitNote.Start(visit, new StaffRef(Therapist, "Maya"), Now);
                note.SaveDraft("Tight", null, null, null, new StaffRef(Therapist, "Maya"), Now);
                note.Sign(visit, episode.Status, new StaffRef(Therapist, "Maya"), Now);
                break;
        }

        visit.Status.ShouldBe(status);
        return (visit, episode);
    }

    [Fact]
    public void Scheduling_copies_the_episodes_clinic_and_patient()
    {
        var episode = EpisodeOfCareTests.NewEpisode();

        var visit = VisitOf(episode);

        visit.ClinicId.ShouldBe(episode.ClinicId);
        visit.PatientId.ShouldBe(episode.PatientId);
        visit.EpisodeId.ShouldBe(episode.Id);
        visit.Status.ShouldBe(VisitStatus.Scheduled);
        Charting.Decide(visit, null, episode.Status, visit.TherapistId).Refusal.ShouldBe(ChartingRefusal.NotCheckedIn);
    }

    [Theory]
    [InlineData(Visit.MinDurationMinutes - 1, false)]
    [InlineData(Visit.MinDurationMinutes, true)]
    [InlineData(Visit.MaxDurationMinutes, true)]
    [InlineData(Visit.MaxDurationMinutes + 1, false)]
    public void A_visit_lasts_between_the_limits(int minutes, bool allowed)
    {
        var schedule = () => Visit.Schedule(EpisodeOfCareTests.NewEpisode(), Therapist, Now, minutes, VisitType.FollowUp, Now);

        if (allowed)
        {
            schedule().DurationMinutes.ShouldBe(minutes);
        }
        else
        {
            Should.Throw<DomainException>(schedule);
        }
    }

    [Fact]
    public void A_discharged_episode_takes_no_new_visit()
    {
        var episode = EpisodeOfCareTests.EpisodeIn(EpisodeStatus.Discharged);

        Should.Throw<DomainException>(() => VisitOf(episode));
    }

    [Theory]
    [InlineData(EpisodeStatus.Open, EpisodeStatus.Active)]
    [InlineData(EpisodeStatus.OnHold, EpisodeStatus.Active)]
    [InlineData(EpisodeStatus.Active, EpisodeStatus.Active)]
    public void Checking_in_makes_the_episode_active(EpisodeStatus before, EpisodeStatus after)
    {
        var episode = EpisodeOfCareTests.EpisodeIn(before);
        var visit = VisitOf(episode);

        visit.CheckIn(episode, Now.AddMinutes(2));

        visit.Status.ShouldBe(VisitStatus.CheckedIn);
        visit.CheckedInAt.ShouldBe(Now.AddMinutes(2));
        Charting.Decide(visit, null, episode.Status, visit.TherapistId).MayChart.ShouldBeTrue();
        episode.Status.ShouldBe(after);
    }

    [Fact]
    public void A_visit_checks_in_only_with_its_own_episode()
    {
        var visit = VisitOf(EpisodeOfCareTests.NewEpisode());
        var other = EpisodeOfCareTests.NewEpisode();

        Should.Throw<DomainException>(() => visit.CheckIn(other, Now));
        visit.Status.ShouldBe(VisitStatus.Scheduled);
        other.Status.ShouldBe(EpisodeStatus.Open);
    }

    [Fact]
    public void A_visit_of_a_discharged_episode_cannot_be_checked_in()
    {
        var episode = EpisodeOfCareTests.NewEpisode();
        var visit = VisitOf(episode);
        episode.Discharge(DischargeReason.PlateauOrReferredOn, "Referred to orthopaedics", unsignedNotes: 0, Now);

        Should.Throw<DomainException>(() => visit.CheckIn(episode, Now)).Message.ShouldContain("discharged");
        visit.Status.ShouldBe(VisitStatus.Scheduled);
    }

    public static TheoryData<VisitStatus> NotScheduled() =>
        new(VisitStatus.CheckedIn, VisitStatus.Cancelled, VisitStatus.NoShow, VisitStatus.Completed);

    [Theory]
    [MemberData(nameof(NotScheduled))]
    public void Only_a_scheduled_visit_can_be_checked_in_cancelled_or_marked_no_show(VisitStatus status)
    {
        var (visit, episode) = VisitIn(status);

        Should.Throw<DomainException>(() => visit.CheckIn(episode, Now));
        Should.Throw<DomainException>(() => visit.Cancel("Changed plans"));
        Should.Throw<DomainException>(() => visit.MarkNoShow(Now.AddDays(1)));
        visit.Status.ShouldBe(status);
    }

    [Fact]
    public void Cancelling_needs_a_reason()
    {
        var visit = VisitOf(EpisodeOfCareTests.NewEpisode());

        Should.Throw<DomainException>(() => visit.Cancel(" "));
        visit.Cancel(" Unwell ");
        visit.Status.ShouldBe(VisitStatus.Cancelled);
        visit.CancellationReason.ShouldBe("Unwell");
    }

    [Fact]
    public void A_no_show_is_recorded_from_the_start_time_on()
    {
        var visit = VisitOf(EpisodeOfCareTests.NewEpisode(), startsAt: Now);

        Should.Throw<DomainException>(() => visit.MarkNoShow(Now.AddTicks(-1)));
        visit.MarkNoShow(Now);
        visit.Status.ShouldBe(VisitStatus.NoShow);
    }

    [Theory]
    [InlineData(VisitStatus.Scheduled, true)]
    [InlineData(VisitStatus.CheckedIn, true)]
    [InlineData(VisitStatus.Cancelled, false)]
    [InlineData(VisitStatus.NoShow, false)]
    [InlineData(VisitStatus.Completed, false)]
    public void Only_a_visit_still_to_happen_can_be_covered(VisitStatus status, bool allowed)
    {
        var (visit, _) = VisitIn(status);

        if (allowed)
        {
            visit.AssignCover(Cover);
            visit.CoveringTherapistId.ShouldBe(Cover);
        }
        else
        {
            Should.Throw<DomainException>(() => visit.AssignCover(Cover));
            visit.CoveringTherapistId.ShouldBeNull();
        }
    }

    [Fact]
    public void The_visit_is_treated_by_its_therapist_and_its_cover_and_covering_with_its_own_therapist_clears_the_cover()
    {
        var visit = VisitOf(EpisodeOfCareTests.NewEpisode());
        visit.AssignCover(Cover);

        visit.IsTreatedBy(Therapist).ShouldBeTrue();
        visit.IsTreatedBy(Cover).ShouldBeTrue();
        visit.IsTreatedBy(Guid.CreateVersion7()).ShouldBeFalse();

        visit.AssignCover(Therapist);
        visit.CoveringTherapistId.ShouldBeNull();
        visit.IsTreatedBy(Cover).ShouldBeFalse();
    }
}
