using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Patients;

public sealed class RegisterPatientTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Front_desk_registers_a_patient_with_a_generated_MRN()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);

        var result = await App.SendAsync(desk, new RegisterPatientCommand(
            " Ellen ", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, "+44 20 7946 0101", "ellen@example.org"));

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        var stored = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().SingleAsync(p => p.Id == result.Value));
        stored.ClinicId.ShouldBe(clinic);
        stored.GivenName.ShouldBe("Ellen");
        stored.Mrn.ShouldMatch(@"^P\d{6}$");
        stored.Email.ShouldBe("ellen@example.org");
    }

    [Theory]
    [InlineData(StaffRoles.FrontDesk)]
    [InlineData(StaffRoles.Therapist)]
    public async Task Registration_keeps_the_occupation_the_medical_history_flags_and_a_typed_MRN(string role)
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var history = new MedicalHistory { AnticoagulantUse = true, NeedlePhobia = true, DeepVeinThrombosisHistory = true };

        var result = await App.SendAsync(AppFixture.StaffOf(clinic, role), new RegisterPatientCommand(
            "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female,
            Mrn: " HX-4471 ", Occupation: " Warehouse picker ", MedicalHistory: history));

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        var stored = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().SingleAsync(p => p.Id == result.Value));
        stored.Mrn.ShouldBe("HX-4471");
        stored.Occupation.ShouldBe("Warehouse picker");
        stored.MedicalHistory.ShouldBe(history);
        stored.MedicalHistory.Describe().ShouldBe(["Anticoagulant use", "Needle phobia", "History of deep-vein thrombosis"]);
    }

    [Fact]
    public async Task Without_a_medical_history_no_flag_is_set()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");

        var result = await App.SendAsync(AppFixture.StaffOf(clinic, StaffRoles.FrontDesk),
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female));

        var stored = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().SingleAsync(p => p.Id == result.Value));
        stored.MedicalHistory.ShouldBe(MedicalHistory.None);
        stored.Occupation.ShouldBeNull();
    }

    [Fact]
    public async Task An_invalid_registration_returns_field_errors_and_writes_nothing()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        var result = await App.SendAsync(desk, new RegisterPatientCommand(
            "", new string('x', Patient.NameMaxLength + 1), tomorrow, Sex: null, Email: "not-an-email",
            Mrn: new string('1', Patient.MrnMaxLength + 1), Occupation: new string('x', Patient.OccupationMaxLength + 1)));

        result.IsSuccess.ShouldBeFalse();
        result.Error.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.For(nameof(RegisterPatientCommand.GivenName)).ShouldNotBeNull();
        result.Error.For(nameof(RegisterPatientCommand.FamilyName)).ShouldNotBeNull();
        result.Error.For(nameof(RegisterPatientCommand.DateOfBirth)).ShouldBe("Date of birth cannot be in the future.");
        result.Error.For(nameof(RegisterPatientCommand.Sex)).ShouldNotBeNull();
        result.Error.For(nameof(RegisterPatientCommand.Email)).ShouldNotBeNull();
        result.Error.For(nameof(RegisterPatientCommand.Mrn)).ShouldNotBeNull();
        result.Error.For(nameof(RegisterPatientCommand.Occupation)).ShouldNotBeNull();
        (await CountPatientsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_MRN_already_used_in_the_clinic_is_refused_on_the_MRN_field()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Mrn: "A-100")))
            .IsSuccess.ShouldBeTrue();

        var second = await App.SendAsync(desk, new RegisterPatientCommand(
            "Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male, Mrn: "A-100"));

        second.Error!.Kind.ShouldBe(ErrorKind.Validation);
        second.Error.For(nameof(RegisterPatientCommand.Mrn))!.ShouldContain("already used");
        (await CountPatientsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_generated_MRN_skips_a_number_someone_already_typed_in()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        var last = await App.ReadAsync(db => db.Database.SqlQueryRaw<long>("SELECT nextval('patient_mrn_seq') AS \"Value\"").SingleAsync());
        var next = $"P{last + 1:D6}";
        (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Mrn: next)))
            .IsSuccess.ShouldBeTrue();

        var generated = await App.SendAsync(desk, new RegisterPatientCommand("Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male));

        generated.IsSuccess.ShouldBeTrue(generated.Error?.Message);
        var stored = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().SingleAsync(p => p.Id == generated.Value));
        stored.Mrn.ShouldBe($"P{last + 2:D6}");
    }

    [Fact]
    public async Task The_same_MRN_may_exist_in_two_clinics()
    {
        var north = await App.AddClinicAsync("Northside Physio");
        var south = await App.AddClinicAsync("Southside Physio");

        var first = await App.SendAsync(AppFixture.StaffOf(north, StaffRoles.FrontDesk),
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Mrn: "A-100"));
        var second = await App.SendAsync(AppFixture.StaffOf(south, StaffRoles.FrontDesk),
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Mrn: "A-100"));

        first.IsSuccess.ShouldBeTrue();
        second.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task A_clinic_manager_cannot_register_patients()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");

        var result = await App.SendAsync(AppFixture.StaffOf(clinic, StaffRoles.ClinicManager),
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female));

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await CountPatientsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Nobody_signed_in_can_send_anything()
    {
        await App.AddClinicAsync("Northside Physio");

        var command = await App.SendAsync(AppFixture.Anonymous,
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female));
        var query = await App.SendAsync(AppFixture.Anonymous, new ListPatientsQuery());

        command.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        query.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await CountPatientsAsync()).ShouldBe(0);
    }
}
