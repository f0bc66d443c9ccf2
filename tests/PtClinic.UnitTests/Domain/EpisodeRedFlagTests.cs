using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.UnitTests.Domain;

public sealed class EpisodeRedFlagTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly VisitDay = new(2026, 11, 26);
    private static readonly StaffRef Maya = new(Guid.CreateVersion7(), "Maya Lindqvist");
    private static readonly StaffRef Jonas = new(Guid.CreateVersion7(), "Jonas Berg");

    private static readonly SignedVisit Visit = new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), SignedAt.AddHours(-1), Maya, SignedAt);

    private static EpisodeRedFlag NightPain() => EpisodeRedFlag.OpenedBy(Visit, [RedFlag.NightPain], []).Single();

    [Fact]
    public void A_signed_note_opens_each_flag_it_ticked_with_the_visit_and_the_signature()
    {
        var opened = EpisodeRedFlag.OpenedBy(Visit, [RedFlag.Fever, RedFlag.Numbness, RedFlag.Fever], []);

        opened.Select(f => f.Flag).ShouldBe([RedFlag.Numbness, RedFlag.Fever]);
        opened.ShouldAllBe(f => f.IsOpen && f.EpisodeId == Visit.EpisodeId && f.PatientId == Visit.PatientId
            && f.RaisedAtVisitId == Visit.VisitId && f.RaisedAtVisitStartsAt == Visit.StartsAt && f.RaisedBy == Maya && f.RaisedAt == SignedAt);
    }

    [Fact]
    public void A_flag_already_open_on_the_episode_is_not_opened_again()
    {
        var opened = EpisodeRedFlag.OpenedBy(Visit, [RedFlag.NightPain, RedFlag.Weakness], [RedFlag.NightPain]);

        opened.Select(f => f.Flag).ShouldBe([RedFlag.Weakness]);
    }

    [Fact]
    public void A_note_without_red_flags_opens_none()
    {
        EpisodeRedFlag.OpenedBy(Visit, [], [RedFlag.Fever]).ShouldBeEmpty();
    }

    [Fact]
    public void Resolving_records_how_and_who_and_closes_the_flag()
    {
        var flag = NightPain();

        flag.Resolve("  Sleeping through the night for a week ", Jonas, SignedAt.AddDays(7));

        (flag.IsOpen, flag.ClosedAs, flag.ClosingNote, flag.ClosedBy, flag.ClosedAt, flag.ReferredTo, flag.ReferredOn)
            .ShouldBe((false, RedFlagClosing.Resolved, "Sleeping through the night for a week", Jonas, SignedAt.AddDays(7), null, null));
    }

    [Fact]
    public void Resolving_without_saying_how_is_refused()
    {
        var flag = NightPain();

        Should.Throw<DomainException>(() => flag.Resolve(" ", Jonas, SignedAt)).Message.ShouldBe("How the red flag resolved is required.");
        flag.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void Referring_records_to_whom_when_and_the_visits_referral_answer()
    {
        var flag = NightPain();
        var answer = Guid.CreateVersion7();

        flag.Refer("GP, Dr Okafor", VisitDay.AddDays(1), null, answer, VisitDay, VisitDay.AddDays(2), Jonas, SignedAt.AddDays(2));

        (flag.ClosedAs, flag.ReferredTo, flag.ReferredOn, flag.ClosingNote, flag.ReferralAcknowledgementId, flag.ClosedBy)
            .ShouldBe((RedFlagClosing.Referred, "GP, Dr Okafor", VisitDay.AddDays(1), null, answer, Jonas));
    }

    [Fact]
    public void A_referral_may_be_dated_the_day_of_the_visit_or_today_but_not_before_nor_after()
    {
        var today = VisitDay.AddDays(3);

        Should.NotThrow(() => NightPain().Refer("GP", VisitDay, null, null, VisitDay, today, Jonas, SignedAt));
        Should.NotThrow(() => NightPain().Refer("GP", today, null, null, VisitDay, today, Jonas, SignedAt));
        Should.Throw<DomainException>(() => NightPain().Refer("GP", VisitDay.AddDays(-1), null, null, VisitDay, today, Jonas, SignedAt))
            .Message.ShouldBe("A referral for this red flag cannot be dated before the visit that recorded it.");
        Should.Throw<DomainException>(() => NightPain().Refer("GP", today.AddDays(1), null, null, VisitDay, today, Jonas, SignedAt))
            .Message.ShouldBe("A referral cannot be dated in the future.");
    }

    [Fact]
    public void Referring_to_nobody_is_refused()
    {
        Should.Throw<DomainException>(() => NightPain().Refer("  ", VisitDay, null, null, VisitDay, VisitDay, Jonas, SignedAt))
            .Message.ShouldBe("Whom the patient was referred to is required.");
    }

    [Fact]
    public void Closing_a_closed_flag_is_refused_and_what_was_recorded_stays()
    {
        var flag = NightPain();
        flag.Resolve("Gone", Maya, SignedAt.AddDays(1));

        var refused = Should.Throw<DomainException>(() => flag.Refer("GP", VisitDay, "later", null, VisitDay, VisitDay.AddDays(5), Jonas, SignedAt.AddDays(2)));

        refused.Message.ShouldBe("This red flag was already closed (resolved) by Maya Lindqvist on 27 Nov 2026; what was recorded then stays as it is.");
        (flag.ClosedAs, flag.ClosingNote, flag.ClosedBy, flag.ReferredTo).ShouldBe((RedFlagClosing.Resolved, "Gone", Maya, null));
        Should.Throw<DomainException>(() => flag.Resolve("Again", Jonas, SignedAt.AddDays(3)));
    }

    [Fact]
    public void Notes_past_their_bound_are_refused()
    {
        Should.Throw<DomainException>(() => NightPain().Resolve(new string('x', EpisodeRedFlag.NoteMaxLength + 1), Maya, SignedAt));
        Should.Throw<DomainException>(() => NightPain().Refer(new string('x', EpisodeRedFlag.ReferredToMaxLength + 1), VisitDay, null, null, VisitDay, VisitDay, Maya, SignedAt));
        Should.NotThrow(() => NightPain().Resolve(new string('x', EpisodeRedFlag.NoteMaxLength), Maya, SignedAt));
    }
}
