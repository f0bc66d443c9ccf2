using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;

namespace PtClinic.UnitTests.Domain.Clinics;

public sealed class ClinicTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_clinic_prints_on_A4_and_has_no_opening_hours_yet()
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        clinic.PaperSize.ShouldBe(PaperSize.A4);
        clinic.OpeningHours.OpenDays.ShouldBeEmpty();
        clinic.Address.ShouldBeNull();
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("GMT Standard Time")]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    public void A_time_zone_that_is_not_an_IANA_zone_is_refused(string zone)
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        Should.Throw<DomainException>(() => clinic.MoveToTimeZone(zone));
        clinic.TimeZone.ShouldBe("Europe/London");
    }

    [Fact]
    public void The_clinics_date_is_its_local_date_not_the_UTC_date()
    {
        var auckland = Clinic.Open(Guid.CreateVersion7(), "Ponsonby Physio", "Pacific/Auckland", Now);
        var honolulu = Clinic.Open(Guid.CreateVersion7(), "Kaimuki Physio", "Pacific/Honolulu", Now);
        // 11:30 UTC on 10 January: already the 11th in Auckland (UTC+13), still the 10th in Honolulu.
        var instant = new DateTimeOffset(2027, 1, 10, 11, 30, 0, TimeSpan.Zero);

        auckland.Calendar.DateOf(instant).ShouldBe(new DateOnly(2027, 1, 11));
        honolulu.Calendar.DateOf(instant).ShouldBe(new DateOnly(2027, 1, 10));
        honolulu.Calendar.DateOf(new DateTimeOffset(2027, 1, 11, 9, 59, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2027, 1, 10));
        honolulu.Calendar.DateOf(new DateTimeOffset(2027, 1, 11, 10, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2027, 1, 11));
    }

    [Fact]
    public void Contact_details_are_trimmed_blank_ones_absent_and_overlong_ones_refused()
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        clinic.UpdateContact(" 14 Quayside Walk\nBristol ", " ");

        clinic.Address.ShouldBe("14 Quayside Walk\nBristol");
        clinic.Phone.ShouldBeNull();
        Should.Throw<DomainException>(() => clinic.UpdateContact(new string('a', Clinic.AddressMaxLength + 1), null));
    }

    [Fact]
    public void A_paper_size_that_does_not_exist_is_refused()
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        clinic.PrintOn(PaperSize.UsLetter);

        clinic.PaperSize.ShouldBe(PaperSize.UsLetter);
        Should.Throw<DomainException>(() => clinic.PrintOn((PaperSize)7));
    }

    [Fact]
    public void A_new_clinic_signs_out_after_15_idle_minutes_and_asks_admins_and_managers_for_an_authenticator()
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        clinic.IdleTimeout.ShouldBe(TimeSpan.FromMinutes(15));
        clinic.TwoFactorRequirement.ShouldBe(TwoFactorRequirement.AdminsAndManagers);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(60, true)]
    [InlineData(4, false)]
    [InlineData(61, false)]
    public void The_idle_timeout_stays_between_5_and_60_minutes(int minutes, bool allowed)
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        if (allowed)
        {
            clinic.SignOutAfterIdle(TimeSpan.FromMinutes(minutes));
            clinic.IdleTimeout.ShouldBe(TimeSpan.FromMinutes(minutes));
        }
        else
        {
            Should.Throw<DomainException>(() => clinic.SignOutAfterIdle(TimeSpan.FromMinutes(minutes))).Message
                .ShouldBe("Choose between 5 and 60 minutes before an unattended page signs out.");
        }
    }

    [Fact]
    public void A_two_factor_rule_that_does_not_exist_is_refused()
    {
        var clinic = Clinic.Open(Guid.CreateVersion7(), "Harbourside Physiotherapy", "Europe/London", Now);

        clinic.RequireTwoFactorFor(TwoFactorRequirement.Everyone);

        clinic.TwoFactorRequirement.ShouldBe(TwoFactorRequirement.Everyone);
        Should.Throw<DomainException>(() => clinic.RequireTwoFactorFor((TwoFactorRequirement)7));
    }
}
