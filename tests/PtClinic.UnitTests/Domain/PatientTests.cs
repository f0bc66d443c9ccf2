using PtClinic.Domain.Common;
using PtClinic.Domain.Patients;

namespace PtClinic.UnitTests.Domain;

public sealed class PatientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly StaffRef Therapist = new(Guid.CreateVersion7(), "Maya Lindqvist");

    [Fact]
    public void Registering_trims_names_and_keeps_the_clinic()
    {
        var clinic = Guid.CreateVersion7();

        var patient = Patient.Register(clinic, " P000101 ", "  Ellen ", " Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now, Today);

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
                Patient.Register(Guid.CreateVersion7(), "P1", given, family, new DateOnly(1988, 3, 14), Sex.Female, Now, Today))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void A_date_of_birth_after_today_is_refused_but_today_is_allowed()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        Should.Throw<DomainException>(() =>
            Patient.Register(Guid.CreateVersion7(), "P1", "New", "Born", today.AddDays(1), Sex.Unknown, Now, Today));
        Patient.Register(Guid.CreateVersion7(), "P1", "New", "Born", today, Sex.Unknown, Now, Today).DateOfBirth.ShouldBe(today);
    }

    [Fact]
    public void A_patient_without_a_clinic_is_refused()
    {
        Should.Throw<DomainException>(() =>
            Patient.Register(Guid.Empty, "P1", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now, Today));
    }

    [Fact]
    public void Blank_contact_details_are_stored_as_absent_and_overlong_ones_refused()
    {
        var patient = Patient.Register(Guid.CreateVersion7(), "P1", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now, Today);

        patient.UpdateContact("  ", "");
        patient.Phone.ShouldBeNull();
        patient.Email.ShouldBeNull();
        Should.Throw<DomainException>(() => patient.UpdateContact(new string('1', Patient.PhoneMaxLength + 1), null));
    }

    [Fact]
    public void Occupation_and_MRN_are_trimmed_blank_occupation_is_absent_and_a_blank_MRN_refused()
    {
        var patient = NewPatient();

        patient.ChangeOccupation("  Warehouse picker ");
        patient.AssignMrn(" HX-1 ");
        patient.Occupation.ShouldBe("Warehouse picker");
        patient.Mrn.ShouldBe("HX-1");

        patient.ChangeOccupation(" ");
        patient.Occupation.ShouldBeNull();
        Should.Throw<DomainException>(() => patient.AssignMrn(" ")).Message.ShouldBe("MRN is required.");
        Should.Throw<DomainException>(() => patient.ChangeOccupation(new string('x', Patient.OccupationMaxLength + 1)));
    }

    [Fact]
    public void The_medical_history_describes_only_the_flags_that_are_set_in_a_fixed_order()
    {
        var patient = NewPatient();
        patient.MedicalHistory.Describe().ShouldBeEmpty();

        patient.RecordMedicalHistory(new MedicalHistory { MetalOrLatexAllergy = true, AnticoagulantUse = true, Raynauds = true });

        patient.MedicalHistory.Describe().ShouldBe(["Anticoagulant use", "Raynaud's", "Metal / latex allergy"]);
    }

    [Fact]
    public void A_dry_needling_consent_needs_the_risks_explained_and_the_signature()
    {
        var patient = NewPatient();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        Should.Throw<DomainException>(() => patient.RecordConsent(ConsentKind.DryNeedling, today, false, true, null, Therapist, Now, Today));
        Should.Throw<DomainException>(() => patient.RecordConsent(ConsentKind.DryNeedling, today, true, false, null, Therapist, Now, Today));
        patient.HasActiveConsent(ConsentKind.DryNeedling).ShouldBeFalse();

        patient.RecordConsent(ConsentKind.DryNeedling, today, true, true, null, Therapist, Now, Today);
        patient.HasActiveConsent(ConsentKind.DryNeedling).ShouldBeTrue();
    }

    [Fact]
    public void A_treatment_consent_needs_no_risk_talk_but_cannot_be_dated_tomorrow()
    {
        var patient = NewPatient();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        patient.RecordConsent(ConsentKind.Treatment, today, false, false, null, Therapist, Now, Today).RecordedBy.ShouldBe(Therapist);
        Should.Throw<DomainException>(() => patient.RecordConsent(ConsentKind.Treatment, today.AddDays(1), false, true, null, Therapist, Now, Today))
            .Message.ShouldBe("A consent cannot be dated in the future.");
    }

    [Fact]
    public void A_withdrawn_consent_stays_on_record_no_longer_counts_and_cannot_be_withdrawn_again()
    {
        var patient = NewPatient();
        var consent = patient.RecordConsent(ConsentKind.DryNeedling, DateOnly.FromDateTime(Now.UtcDateTime), true, true, null, Therapist, Now, Today);

        patient.WithdrawConsent(consent.Id, Now.AddDays(1));

        patient.Consents.ShouldHaveSingleItem().WithdrawnAt.ShouldBe(Now.AddDays(1));
        patient.HasActiveConsent(ConsentKind.DryNeedling).ShouldBeFalse();
        Should.Throw<DomainException>(() => patient.WithdrawConsent(consent.Id, Now.AddDays(2)));
        Should.Throw<DomainException>(() => patient.WithdrawConsent(Guid.CreateVersion7(), Now.AddDays(2)));
    }

    private static Patient NewPatient() =>
        Patient.Register(Guid.CreateVersion7(), "P1", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Now, Today);
}
