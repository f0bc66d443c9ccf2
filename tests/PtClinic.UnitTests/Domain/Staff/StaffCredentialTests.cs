using PtClinic.Domain.Staff;

namespace PtClinic.UnitTests.Domain.Staff;

public sealed class StaffCredentialTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Issued = new(2024, 3, 10);
    private static readonly DateOnly LastValidDay = new(2027, 3, 10);

    private static StaffCredential Certificate(DateOnly? expiresOn) =>
        StaffMember.Join(Guid.CreateVersion7(), Guid.CreateVersion7(), "Maya Lindqvist", "maya@demo.ptclinic.org", StaffRoles.Therapist, null, null, Now)
            .AddCredential(CredentialKind.DryNeedlingCertification, "AACP", null, Issued, expiresOn, new DateOnly(2026, 12, 1), Now);

    [Fact]
    public void A_credential_is_valid_through_its_expiry_day_and_expired_the_day_after()
    {
        var certificate = Certificate(LastValidDay);

        certificate.IsExpiredOn(LastValidDay.AddDays(-1)).ShouldBeFalse();
        certificate.IsExpiredOn(LastValidDay).ShouldBeFalse();
        certificate.IsExpiredOn(LastValidDay.AddDays(1)).ShouldBeTrue();
        certificate.IsCurrentOn(LastValidDay).ShouldBeTrue();
        certificate.IsCurrentOn(LastValidDay.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void A_credential_without_an_expiry_never_expires_but_is_not_current_before_it_was_issued()
    {
        var licence = Certificate(expiresOn: null);

        licence.IsExpiredOn(DateOnly.MaxValue).ShouldBeFalse();
        licence.IsCurrentOn(Issued.AddDays(-1)).ShouldBeFalse();
        licence.IsCurrentOn(Issued).ShouldBeTrue();
    }

    [Fact]
    public void A_credential_valid_for_a_single_day_is_allowed()
    {
        var oneDay = Certificate(Issued);

        oneDay.IsCurrentOn(Issued).ShouldBeTrue();
        oneDay.IsExpiredOn(Issued.AddDays(1)).ShouldBeTrue();
    }
}
