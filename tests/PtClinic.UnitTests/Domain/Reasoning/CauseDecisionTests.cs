using PtClinic.Domain.Common;
using PtClinic.Domain.Reasoning;

namespace PtClinic.UnitTests.Domain.Reasoning;

public sealed class CauseDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffRef Therapist = new(Guid.CreateVersion7(), "Maya Lindqvist");
    private static readonly Guid ClinicId = Guid.CreateVersion7();
    private static readonly Guid EpisodeId = Guid.CreateVersion7();
    private static readonly Guid VisitId = Guid.CreateVersion7();

    private static CauseDecision Decided(RootCause cause, HypothesisVerdict verdict, DateTimeOffset at, string reason = "Seen on assessment") =>
        CauseDecision.Record(
            ClinicId, EpisodeId, VisitId,
            verdict == HypothesisVerdict.Confirmed
                ? HypothesisDecision.Confirm(cause, reason, Therapist, at)
                : HypothesisDecision.Reject(cause, reason, Therapist, at),
            []);

    [Fact]
    public void Recording_a_decision_keeps_the_verdict_the_reason_and_the_evidence_shown()
    {
        var decision = HypothesisDecision.Confirm(RootCause.Overexertion, "Started a marathon plan in March", Therapist, Now);

        var recorded = CauseDecision.Record(ClinicId, EpisodeId, VisitId, decision, ["training load +40 % in 4 weeks", "no warm-up before exercise"]);

        recorded.ShouldSatisfyAllConditions(
            d => (d.ClinicId, d.EpisodeId, d.VisitId).ShouldBe((ClinicId, EpisodeId, VisitId)),
            d => (d.Cause, d.Verdict).ShouldBe((RootCause.Overexertion, HypothesisVerdict.Confirmed)),
            d => d.Reason.ShouldBe("Started a marathon plan in March"),
            d => d.Evidence.ShouldBe(["training load +40 % in 4 weeks", "no warm-up before exercise"]),
            d => (d.DecidedBy, d.DecidedAt).ShouldBe((Therapist, Now)),
            d => d.Id.ShouldNotBe(Guid.Empty));
    }

    [Fact]
    public void The_evidence_is_a_copy_of_what_the_engine_showed_at_the_time()
    {
        var shown = new List<string> { "sits 9 h/day" };

        var recorded = CauseDecision.Record(ClinicId, EpisodeId, VisitId, HypothesisDecision.Reject(RootCause.SedentaryLifestyle, "Desk job is new", Therapist, Now), shown);
        shown.Add("active 1 day/week");

        recorded.Evidence.ShouldBe(["sits 9 h/day"]);
    }

    [Fact]
    public void The_standing_decision_per_cause_is_the_latest_one_ordered_by_cause()
    {
        var decisions = new[]
        {
            Decided(RootCause.Weakness, HypothesisVerdict.Confirmed, Now),
            Decided(RootCause.Overexertion, HypothesisVerdict.Rejected, Now.AddDays(7)),
            Decided(RootCause.Weakness, HypothesisVerdict.Rejected, Now.AddDays(14), "Strength 5/5 on retest"),
            Decided(RootCause.Overexertion, HypothesisVerdict.Confirmed, Now),
        };

        var standing = CauseDecision.Standing(decisions);

        standing.Select(d => (d.Cause, d.Verdict, d.DecidedAt)).ShouldBe(
        [
            (RootCause.Overexertion, HypothesisVerdict.Rejected, Now.AddDays(7)),
            (RootCause.Weakness, HypothesisVerdict.Rejected, Now.AddDays(14)),
        ]);
        standing[1].Reason.ShouldBe("Strength 5/5 on retest");
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, HypothesisVerdict.Confirmed)]
    [InlineData(7 * 24 * 60 - 1, HypothesisVerdict.Confirmed)]
    [InlineData(7 * 24 * 60, HypothesisVerdict.Rejected)]
    [InlineData(30 * 24 * 60, HypothesisVerdict.Rejected)]
    public void The_standing_as_of_a_time_counts_decisions_made_up_to_and_including_it(int minutesAfterFirst, HypothesisVerdict? expected)
    {
        var decisions = new[]
        {
            Decided(RootCause.PoorPosture, HypothesisVerdict.Confirmed, Now),
            Decided(RootCause.PoorPosture, HypothesisVerdict.Rejected, Now.AddDays(7)),
        };

        var standing = CauseDecision.Standing(decisions, Now.AddMinutes(minutesAfterFirst));

        standing.Select(d => (HypothesisVerdict?)d.Verdict).ShouldBe(expected is null ? [] : [expected]);
    }

    [Fact]
    public void The_order_decisions_are_loaded_in_does_not_change_the_standing()
    {
        var decisions = Enum.GetValues<RootCause>()
            .SelectMany(cause => new[]
            {
                Decided(cause, HypothesisVerdict.Rejected, Now),
                Decided(cause, HypothesisVerdict.Confirmed, Now.AddHours(1)),
            })
            .ToList();

        var forwards = CauseDecision.Standing(decisions);
        var backwards = CauseDecision.Standing(Enumerable.Reverse(decisions));

        backwards.ShouldBe(forwards);
        forwards.Select(d => d.Cause).ShouldBe(Enum.GetValues<RootCause>());
        forwards.ShouldAllBe(d => d.Verdict == HypothesisVerdict.Confirmed);
    }

    [Fact]
    public void No_decisions_leave_nothing_standing()
    {
        CauseDecision.Standing([]).ShouldBeEmpty();
        CauseDecision.Standing([Decided(RootCause.Weakness, HypothesisVerdict.Confirmed, Now)], Now.AddTicks(-1)).ShouldBeEmpty();
    }
}
