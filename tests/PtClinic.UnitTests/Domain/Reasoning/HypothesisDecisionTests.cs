using PtClinic.Domain.Common;
using PtClinic.Domain.Reasoning;

namespace PtClinic.UnitTests.Domain.Reasoning;

public sealed class HypothesisDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffRef Therapist = new(Guid.CreateVersion7(), "Maya");

    [Fact]
    public void Confirming_a_cause_records_who_why_and_when()
    {
        var decision = HypothesisDecision.Confirm(RootCause.Overexertion, "  Started marathon plan in March  ", Therapist, Now);

        decision.Cause.ShouldBe(RootCause.Overexertion);
        decision.Verdict.ShouldBe(HypothesisVerdict.Confirmed);
        decision.Reason.ShouldBe("Started marathon plan in March");
        decision.DecidedBy.ShouldBe(Therapist);
        decision.DecidedAt.ShouldBe(Now);
    }

    [Fact]
    public void Rejecting_a_cause_keeps_the_reason()
    {
        var decision = HypothesisDecision.Reject(RootCause.PoorPosture, "Tilt is habitual, not symptomatic", Therapist, Now);

        decision.Verdict.ShouldBe(HypothesisVerdict.Rejected);
        decision.Reason.ShouldBe("Tilt is habitual, not symptomatic");
    }

    [Theory]
    [InlineData(null, true, "A reason to confirm a cause is required.")]
    [InlineData("", true, "A reason to confirm a cause is required.")]
    [InlineData("   ", false, "A reason to reject a cause is required.")]
    public void A_decision_without_a_reason_is_refused(string? reason, bool confirm, string message)
    {
        Action decide = confirm
            ? () => HypothesisDecision.Confirm(RootCause.Weakness, reason!, Therapist, Now)
            : () => HypothesisDecision.Reject(RootCause.Weakness, reason!, Therapist, Now);

        Should.Throw<DomainException>(decide).Message.ShouldBe(message);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var reason = new string('x', HypothesisDecision.ReasonMaxLength + 1);

        Should.Throw<DomainException>(() => HypothesisDecision.Reject(RootCause.Weakness, reason, Therapist, Now));
    }
}
