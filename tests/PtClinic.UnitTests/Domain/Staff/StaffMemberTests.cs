using PtClinic.Domain.Common;
using PtClinic.Domain.Staff;

namespace PtClinic.UnitTests.Domain.Staff;

public sealed class StaffMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly StaffRef Admin = new(Guid.CreateVersion7(), "Sam Okafor");

    private static StaffMember Jonas(string role = StaffRoles.Therapist) => StaffMember.Join(
        Guid.CreateVersion7(), Guid.CreateVersion7(), " Jonas Berg ", "therapist2@demo.ptclinic.org", role, " Physiotherapist, BSc ", "", Now);

    [Fact]
    public void Joining_trims_the_profile_and_starts_active()
    {
        var jonas = Jonas();

        jonas.FullName.ShouldBe("Jonas Berg");
        jonas.ProfessionalTitle.ShouldBe("Physiotherapist, BSc");
        jonas.LicenceNumber.ShouldBeNull();
        jonas.Role.ShouldBe(StaffRoles.Therapist);
        jonas.IsActive.ShouldBeTrue();
        jonas.Credentials.ShouldBeEmpty();
        jonas.AsStaffRef().ShouldBe(new StaffRef(jonas.Id, "Jonas Berg"));
    }

    [Theory]
    [InlineData("Physio")]
    [InlineData("admin")]
    [InlineData("")]
    public void A_role_the_clinic_does_not_have_is_refused(string role)
    {
        Should.Throw<DomainException>(() => Jonas(role));
    }

    [Fact]
    public void A_staff_member_needs_a_name_and_a_clinic()
    {
        Should.Throw<DomainException>(() => StaffMember.Join(Guid.CreateVersion7(), Guid.CreateVersion7(), " ", "a@b.org", StaffRoles.Admin, null, null, Now))
            .Message.ShouldBe("Name is required.");
        Should.Throw<DomainException>(() => StaffMember.Join(Guid.CreateVersion7(), Guid.Empty, "Ada", "a@b.org", StaffRoles.Admin, null, null, Now));
    }

    [Fact]
    public void Deactivating_records_when_and_by_whom_and_reactivating_clears_it()
    {
        var jonas = Jonas();

        jonas.Deactivate(Admin, Now);

        jonas.IsActive.ShouldBeFalse();
        jonas.DeactivatedAt.ShouldBe(Now);
        jonas.DeactivatedBy.ShouldBe(Admin);
        Should.Throw<DomainException>(() => jonas.Deactivate(Admin, Now)).Message.ShouldBe("Jonas Berg is already deactivated.");

        jonas.Reactivate();

        jonas.IsActive.ShouldBeTrue();
        jonas.DeactivatedBy.ShouldBeNull();
        Should.Throw<DomainException>(jonas.Reactivate);
    }

    [Fact]
    public void An_admin_cannot_deactivate_themselves()
    {
        var sam = StaffMember.Join(Admin.UserId, Guid.CreateVersion7(), Admin.Name, "admin@demo.ptclinic.org", StaffRoles.Admin, null, null, Now);

        Should.Throw<DomainException>(() => sam.Deactivate(Admin, Now))
            .Message.ShouldBe("You cannot deactivate your own account; ask another admin.");
        sam.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void An_admin_cannot_change_their_own_role_but_can_change_anyone_elses()
    {
        var sam = StaffMember.Join(Admin.UserId, Guid.CreateVersion7(), Admin.Name, "admin@demo.ptclinic.org", StaffRoles.Admin, null, null, Now);
        var jonas = Jonas();

        Should.Throw<DomainException>(() => sam.ChangeRole(StaffRoles.Therapist, Admin));
        sam.ChangeRole(StaffRoles.Admin, Admin);
        jonas.ChangeRole(StaffRoles.ClinicManager, Admin);

        sam.Role.ShouldBe(StaffRoles.Admin);
        jonas.Role.ShouldBe(StaffRoles.ClinicManager);
    }

    [Fact]
    public void A_credential_that_expires_before_it_was_issued_is_refused()
    {
        var jonas = Jonas();

        Should.Throw<DomainException>(() => jonas.AddCredential(
                CredentialKind.DryNeedlingCertification, "AACP", null, Today.AddDays(-10), Today.AddDays(-11), Today, Now))
            .Message.ShouldBe("A credential cannot expire before it was issued.");
        jonas.Credentials.ShouldBeEmpty();
    }

    [Fact]
    public void A_credential_issued_after_the_clinics_today_is_refused_but_today_is_allowed()
    {
        var jonas = Jonas();

        Should.Throw<DomainException>(() => jonas.AddCredential(
            CredentialKind.CprFirstAid, "St John Ambulance", null, Today.AddDays(1), null, Today, Now));
        jonas.AddCredential(CredentialKind.CprFirstAid, "St John Ambulance", null, Today, Today, Today, Now).IssuedOn.ShouldBe(Today);
    }

    [Fact]
    public void Holding_a_current_dry_needling_certificate_follows_the_clinics_date()
    {
        var jonas = Jonas();
        jonas.AddCredential(CredentialKind.ProfessionalLicence, "HCPC", "PH118760", Today.AddYears(-3), null, Today, Now);
        var certificate = jonas.AddCredential(
            CredentialKind.DryNeedlingCertification, " AACP ", " DN-1 ", Today.AddYears(-1), Today.AddDays(30), Today, Now);

        certificate.Issuer.ShouldBe("AACP");
        certificate.Number.ShouldBe("DN-1");
        jonas.HoldsCurrent(CredentialKind.DryNeedlingCertification, Today.AddDays(30)).ShouldBeTrue();
        jonas.HoldsCurrent(CredentialKind.DryNeedlingCertification, Today.AddDays(31)).ShouldBeFalse();
        jonas.HoldsCurrent(CredentialKind.CprFirstAid, Today).ShouldBeFalse();
    }

    [Fact]
    public void Removing_a_credential_takes_it_off_the_record_and_an_unknown_one_is_refused()
    {
        var jonas = Jonas();
        var certificate = jonas.AddCredential(CredentialKind.DryNeedlingCertification, "AACP", null, Today, null, Today, Now);

        jonas.RemoveCredential(certificate.Id);

        jonas.Credentials.ShouldBeEmpty();
        Should.Throw<DomainException>(() => jonas.RemoveCredential(certificate.Id));
    }

    [Fact]
    public void The_credentials_cannot_be_changed_from_outside()
    {
        var credentials = Jonas().Credentials;

        credentials.ShouldNotBeAssignableTo<List<StaffCredential>>();
        ((ICollection<StaffCredential>)credentials).IsReadOnly.ShouldBeTrue();
    }
}
