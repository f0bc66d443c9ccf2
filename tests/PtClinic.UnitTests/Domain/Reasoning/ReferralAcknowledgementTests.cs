using PtClinic.Domain.Common;
using PtClinic.Domain.Reasoning;

namespace PtClinic.UnitTests.Domain.Reasoning;

public sealed class ReferralAcknowledgementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffRef Therapist = new(Guid.CreateVersion7(), "Maya Lindqvist");
    private static readonly Guid ClinicId = Guid.CreateVersion7();
    private static readonly Guid EpisodeId = Guid.CreateVersion7();
    private static readonly Guid VisitId = Guid.CreateVersion7();

    private static readonly ReferralReason NightPain = new("red-flag:night-pain", "red flag: night pain");
    private static readonly ReferralReason Fever = new("red-flag:fever", "red flag: fever");
    private static readonly ReferralRecommendation Recommendation = new([NightPain, Fever]);

    private static ReferralAcknowledgement Acknowledge(ReferralAction action, string? note, ReferralRecommendation? recommendation = null) =>
        ReferralAcknowledgement.Record(ClinicId, EpisodeId, VisitId, recommendation ?? Recommendation, action, note, Therapist, Now);

    [Fact]
    public void A_referral_is_recorded_with_who_when_and_the_reasons_it_answers()
    {
        var acknowledgement = Acknowledge(ReferralAction.Referred, "  Letter to GP, Dr Olsen  ");

        acknowledgement.ShouldSatisfyAllConditions(
            a => (a.ClinicId, a.EpisodeId, a.VisitId).ShouldBe((ClinicId, EpisodeId, VisitId)),
            a => a.Action.ShouldBe(ReferralAction.Referred),
            a => a.Note.ShouldBe("Letter to GP, Dr Olsen"),
            a => a.Reasons.ShouldBe(["red flag: night pain", "red flag: fever"]),
            a => a.ReasonCodes.ShouldBe(["red-flag:night-pain", "red-flag:fever"]),
            a => (a.AcknowledgedBy, a.AcknowledgedAt).ShouldBe((Therapist, Now)),
            a => a.Id.ShouldNotBe(Guid.Empty));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void Not_referring_needs_a_reason(string? note)
    {
        Should.Throw<DomainException>(() => Acknowledge(ReferralAction.NotReferred, note))
            .Message.ShouldBe("The reason for not referring is required.");
    }

    [Fact]
    public void Not_referring_keeps_the_reason_given()
    {
        var acknowledgement = Acknowledge(ReferralAction.NotReferred, " Night pain explained by a new mattress; review next visit ");

        acknowledgement.Action.ShouldBe(ReferralAction.NotReferred);
        acknowledgement.Note.ShouldBe("Night pain explained by a new mattress; review next visit");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_referral_needs_no_note(string? note)
    {
        Acknowledge(ReferralAction.Referred, note).Note.ShouldBe("");
    }

    [Theory]
    [InlineData(ReferralAction.Referred, "The referral note must be at most 500 characters.")]
    [InlineData(ReferralAction.NotReferred, "The reason for not referring must be at most 500 characters.")]
    public void A_note_over_the_limit_is_refused(ReferralAction action, string message)
    {
        var atLimit = new string('x', ReferralAcknowledgement.NoteMaxLength);

        Should.Throw<DomainException>(() => Acknowledge(action, atLimit + "x")).Message.ShouldBe(message);
        Acknowledge(action, atLimit).Note.Length.ShouldBe(ReferralAcknowledgement.NoteMaxLength);
    }

    [Fact]
    public void The_reasons_are_a_copy_of_the_recommendation_as_the_therapist_saw_it()
    {
        var reasons = new List<ReferralReason> { new("red-flag:numbness", "red flag: numbness") };

        var acknowledgement = Acknowledge(ReferralAction.Referred, null, new ReferralRecommendation(reasons));
        reasons.Add(new(ReferralRules.NoImprovementCode, "pain has not improved by 2 points (NPRS MCID) after 6 visits: 7 → 6"));

        acknowledgement.Reasons.ShouldBe(["red flag: numbness"]);
        acknowledgement.ReasonCodes.ShouldBe(["red-flag:numbness"]);
    }

    [Fact]
    public void An_answer_is_matched_by_its_reasons_codes_not_their_wording()
    {
        var answered = Acknowledge(ReferralAction.Referred, "GP letter", new ReferralRecommendation(
            [NightPain, new(ReferralRules.NoImprovementCode, "pain has not improved by 2 points (NPRS MCID) after 6 visits: 7 → 6")]));

        var reworded = new ReferralRecommendation([NightPain with { Text = "red flag: pain that wakes the patient at night" }]);
        var newScore = new ReferralRecommendation(
            [NightPain, new(ReferralRules.NoImprovementCode, "pain has not improved by 2 points (NPRS MCID) after 7 visits: 7 → 7")]);
        var newRedFlag = new ReferralRecommendation([NightPain, Fever]);

        answered.Answers(reworded).ShouldBeTrue();
        answered.Answers(newScore).ShouldBeTrue();
        answered.Answers(newRedFlag).ShouldBeFalse();
    }
}
