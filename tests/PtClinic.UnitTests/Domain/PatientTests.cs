using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;

namespace PtClinic.UnitTests.Domain;

public sealed class PatientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Registering_trims_names_and_keeps_the_clinic()
    {
        var clinic = Guid.CreateVersion7();

        var patient = Patient.Register(clinic, " P000101 ", "  Ellen ", " Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now);

        patient.ClinicId.ShouldBe(clinic);
        patient.Mrn.ShouldBe("P000101");
        patient.FullName.ShouldBe("Ellen Marsh");
        patient.RegisteredAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData("", "Marsh", "Given name is required.")]
    [InlineData("Ellen", "  ", "Family name is required.")]
    public void A_patient_needs_both_names(string given, string family, string message)
    {
        Should.Throw<DomainException>(() =>
                Patient.Register(Guid.CreateVersion7(), "P1", given, family, new DateOnly(1988, 3, 14), Sex.Female, Now))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void A_date_of_birth_after_today_is_refused_but_today_is_allowed()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        Should.Throw<DomainException>(() =>
            Patient.Register(Guid.CreateVersion7(), "P1", "New", "Born", today.AddDays(1), Sex.Unknown, Now));
        Patient.Register(Guid.CreateVersion7(), "P1", "New", "Born", today, Sex.Unknown, Now).DateOfBirth.ShouldBe(today);
    }

    [Fact]
    public void A_patient_without_a_clinic_is_refused()
    {
        Should.Throw<DomainException>(() =>
            Patient.Register(Guid.Empty, "P1", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now));
    }

    [Fact]
    public void Blank_contact_details_are_stored_as_absent_and_overlong_ones_refused()
    {
        var patient = Patient.Register(Guid.CreateVersion7(), "P1", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now);

        patient.UpdateContact("  ", "");
        patient.Phone.ShouldBeNull();
        patient.Email.ShouldBeNull();
        Should.Throw<DomainException>(() => patient.UpdateContact(new string('1', Patient.PhoneMaxLength + 1), null));
    }
}
