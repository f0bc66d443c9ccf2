using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.UnitTests.Domain;

public sealed class EpisodeOfCareTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static EpisodeOfCare NewEpisode(DateOnly? onset = null) => EpisodeOfCare.Open(
        Guid.CreateVersion7(), Guid.CreateVersion7(), "  Knot in the left hamstring ", BodyRegion.PosteriorThigh, BodySide.Left,
        onset, "  ", Guid.CreateVersion7(), Now, DateOnly.FromDateTime(Now.UtcDateTime));

    /// <summary>An episode brought to <paramref name="status"/> the way the clinic would.</summary>
    public static EpisodeOfCare EpisodeIn(EpisodeStatus status)
    {
        var episode = NewEpisode();
        switch (status)
        {
            case EpisodeStatus.Active:
                episode.Activate();
                break;
            case EpisodeStatus.OnHold:
                episode.PutOnHold("Away");
                break;
            case EpisodeStatus.Discharged:
                episode.Discharge(DischargeReason.GoalsMet, null, unsignedNotes: 0, Now);
                break;
        }

        episode.Status.ShouldBe(status);
        return episode;
    }

    [Fact]
    public void Opening_trims_the_text_and_starts_open()
    {
        var episode = NewEpisode(new DateOnly(2026, 11, 1));

        episode.ChiefComplaint.ShouldBe("Knot in the left hamstring");
        episode.ReferralSource.ShouldBeNull();
        episode.Status.ShouldBe(EpisodeStatus.Open);
        episode.OpenedAt.ShouldBe(Now);
        episode.IsDischarged.ShouldBeFalse();
    }

    [Fact]
    public void The_onset_may_be_today_but_not_tomorrow()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        NewEpisode(today).OnsetDate.ShouldBe(today);
        Should.Throw<DomainException>(() => NewEpisode(today.AddDays(1))).Message.ShouldContain("future");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_chief_complaint_is_required(string complaint)
    {
        Should.Throw<DomainException>(() => EpisodeOfCare.Open(
            Guid.CreateVersion7(), Guid.CreateVersion7(), complaint, BodyRegion.Knee, BodySide.Right, null, null, Guid.CreateVersion7(), Now, DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [Theory]
    [InlineData(EpisodeStatus.Open)]
    [InlineData(EpisodeStatus.Active)]
    [InlineData(EpisodeStatus.OnHold)]
    public void An_episode_not_discharged_can_be_put_on_hold_resumed_and_discharged(EpisodeStatus from)
    {
        var held = EpisodeIn(from);
        held.PutOnHold("  Waiting for MRI ");
        held.Status.ShouldBe(EpisodeStatus.OnHold);
        held.HoldReason.ShouldBe("Waiting for MRI");

        held.Activate();
        held.Status.ShouldBe(EpisodeStatus.Active);
        held.HoldReason.ShouldBeNull();

        var discharged = EpisodeIn(from);
        discharged.Discharge(DischargeReason.PlateauOrReferredOn, " Referred to orthopaedics ", unsignedNotes: 0, Now.AddDays(30));
        discharged.Status.ShouldBe(EpisodeStatus.Discharged);
        discharged.DischargeReason.ShouldBe(DischargeReason.PlateauOrReferredOn);
        discharged.DischargeNote.ShouldBe("Referred to orthopaedics");
        discharged.DischargedAt.ShouldBe(Now.AddDays(30));
    }

    public static TheoryData<string, Action<EpisodeOfCare>> ChangesToADischargedEpisode() => new()
    {
        { "put on hold", e => e.PutOnHold(null) },
        { "activate", e => e.Activate() },
        { "discharge again", e => e.Discharge(DischargeReason.Other, "Again", unsignedNotes: 0, Now) },
        { "revise", e => e.Revise("New complaint", BodyRegion.Knee, BodySide.Right, null, null, e.TherapistId, DateOnly.FromDateTime(Now.UtcDateTime)) },
        { "ensure not discharged", e => e.EnsureNotDischarged() },
    };

    [Theory]
    [MemberData(nameof(ChangesToADischargedEpisode))]
    public void A_discharged_episode_is_read_only(string change, Action<EpisodeOfCare> apply)
    {
        var episode = EpisodeIn(EpisodeStatus.Discharged);

        Should.Throw<DomainException>(() => apply(episode), change).Message.ShouldContain("discharged");
        episode.Status.ShouldBe(EpisodeStatus.Discharged);
        episode.DischargeReason.ShouldBe(DischargeReason.GoalsMet);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Discharging_for_another_reason_needs_a_note(string? note)
    {
        var episode = NewEpisode();

        Should.Throw<DomainException>(() => episode.Discharge(DischargeReason.Other, note, unsignedNotes: 0, Now));
        episode.Status.ShouldBe(EpisodeStatus.Open);
        episode.Discharge(DischargeReason.Other, "Moved abroad", unsignedNotes: 0, Now);
        episode.DischargeNote.ShouldBe("Moved abroad");
    }

    [Fact]
    public void An_overlong_hold_reason_or_discharge_note_is_refused()
    {
        var episode = NewEpisode();

        Should.Throw<DomainException>(() => episode.PutOnHold(new string('x', EpisodeOfCare.HoldReasonMaxLength + 1)));
        Should.Throw<DomainException>(() =>
            episode.Discharge(DischargeReason.GoalsMet, new string('x', EpisodeOfCare.DischargeNoteMaxLength + 1), unsignedNotes: 0, Now));
        episode.Status.ShouldBe(EpisodeStatus.Open);
    }

    [Theory]
    [InlineData(1, "One visit note of this episode is still a draft: sign it before discharging.")]
    [InlineData(3, "3 visit notes of this episode are still drafts: sign them before discharging.")]
    public void An_episode_with_unsigned_notes_cannot_be_discharged(int drafts, string message)
    {
        var episode = NewEpisode();

        Should.Throw<DomainException>(() => episode.Discharge(DischargeReason.GoalsMet, null, drafts, Now)).Message.ShouldBe(message);
        episode.Status.ShouldBe(EpisodeStatus.Open);
    }

    [Theory]
    [InlineData(EpisodeStatus.Open)]
    [InlineData(EpisodeStatus.Active)]
    [InlineData(EpisodeStatus.Discharged)]
    public void Only_an_episode_on_hold_can_be_resumed(EpisodeStatus status)
    {
        var episode = EpisodeIn(status);

        Should.Throw<DomainException>(episode.Resume);
        episode.Status.ShouldBe(status);
    }

    [Fact]
    public void Resuming_a_held_episode_makes_it_active_and_clears_the_reason()
    {
        var episode = EpisodeIn(EpisodeStatus.OnHold);

        episode.Resume();

        episode.Status.ShouldBe(EpisodeStatus.Active);
        episode.HoldReason.ShouldBeNull();
    }
}
