using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Behaviours;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Patients;

public sealed class EditPatientTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_stale_edit_gets_a_conflict_and_the_newer_data_survives()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        var therapist = AppFixture.StaffOf(clinic, StaffRoles.Therapist);
        var id = (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Value;

        // Both open the same record, then both save.
        var seenByDesk = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;
        var seenByTherapist = (await App.SendAsync(therapist, new GetPatientQuery(id))).Value;

        var first = await App.SendAsync(desk, EditOf(seenByDesk) with { Phone = "+44 20 7946 0999" });
        var second = await App.SendAsync(therapist, EditOf(seenByTherapist) with { FamilyName = "Marsh-Hughes" });

        first.IsSuccess.ShouldBeTrue(first.Error?.Message);
        second.IsSuccess.ShouldBeFalse();
        second.Error.Kind.ShouldBe(ErrorKind.Conflict);
        second.Error.Message.ShouldBe(DomainRuleBehaviour<EditPatientCommand, Result>.ConflictMessage);

        var stored = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().SingleAsync(p => p.Id == id));
        stored.Phone.ShouldBe("+44 20 7946 0999");
        stored.FamilyName.ShouldBe("Marsh");
    }

    [Fact]
    public async Task A_fresh_edit_after_reloading_succeeds()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        var id = (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Value;

        var v1 = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;
        (await App.SendAsync(desk, EditOf(v1) with { Phone = "1" })).IsSuccess.ShouldBeTrue();
        var v2 = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;
        (await App.SendAsync(desk, EditOf(v2) with { Phone = "2" })).IsSuccess.ShouldBeTrue();

        v2.Version.ShouldNotBe(v1.Version);
        (await App.SendAsync(desk, new GetPatientQuery(id))).Value.Phone.ShouldBe("2");
    }

    [Fact]
    public async Task An_invalid_edit_returns_field_errors_and_changes_nothing()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        var id = (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Value;
        var loaded = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;

        var result = await App.SendAsync(desk, EditOf(loaded) with
        {
            Mrn = "", GivenName = " ", Email = "nope", Occupation = new string('x', Patient.OccupationMaxLength + 1), MedicalHistory = null,
        });

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields.Select(f => f.Field).ShouldBe(["Mrn", "GivenName", "Email", "Occupation", "MedicalHistory"], ignoreOrder: true);
        (await App.SendAsync(desk, new GetPatientQuery(id))).Value.ShouldBe(loaded);
    }

    [Fact]
    public async Task An_edit_changes_the_MRN_occupation_and_medical_history_flags()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var therapist = AppFixture.StaffOf(clinic, StaffRoles.Therapist);
        var id = (await App.SendAsync(therapist, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female,
            Occupation: "Nurse", MedicalHistory: new MedicalHistory { Pregnancy = true }))).Value;
        var loaded = (await App.SendAsync(therapist, new GetPatientQuery(id))).Value;

        var result = await App.SendAsync(therapist, EditOf(loaded) with
        {
            Mrn = " A-200 ",
            Occupation = "Night-shift nurse",
            MedicalHistory = new MedicalHistory { RecentSurgery = true, MetalOrLatexAllergy = true },
        });

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        var saved = (await App.SendAsync(therapist, new GetPatientQuery(id))).Value;
        saved.Mrn.ShouldBe("A-200");
        saved.Occupation.ShouldBe("Night-shift nurse");
        saved.MedicalHistory.Describe().ShouldBe(["Recent surgery", "Metal / latex allergy"]);
        saved.Version.ShouldNotBe(loaded.Version);
    }

    [Fact]
    public async Task An_MRN_another_patient_of_the_clinic_has_is_refused_on_the_MRN_field_and_nothing_changes()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var desk = AppFixture.StaffOf(clinic, StaffRoles.FrontDesk);
        await App.SendAsync(desk, new RegisterPatientCommand("Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male, Mrn: "A-100"));
        var id = (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Mrn: "A-101"))).Value;
        var loaded = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;

        var result = await App.SendAsync(desk, EditOf(loaded) with { Mrn = "A-100", Phone = "+44 20 7946 0999" });

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.For(nameof(EditPatientCommand.Mrn))!.ShouldContain("already used");
        (await App.SendAsync(desk, new GetPatientQuery(id))).Value.ShouldBe(loaded);
    }

    [Fact]
    public async Task Another_clinics_MRN_is_no_clash_and_keeping_ones_own_is_none_either()
    {
        var north = await App.AddClinicAsync("Northside Physio");
        var south = await App.AddClinicAsync("Southside Physio");
        await App.SendAsync(AppFixture.StaffOf(south, StaffRoles.FrontDesk),
            new RegisterPatientCommand("Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male, Mrn: "A-100"));
        var desk = AppFixture.StaffOf(north, StaffRoles.FrontDesk);
        var id = (await App.SendAsync(desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Mrn: "A-101"))).Value;

        var v1 = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;
        (await App.SendAsync(desk, EditOf(v1) with { Mrn = "A-100" })).IsSuccess.ShouldBeTrue();
        var v2 = (await App.SendAsync(desk, new GetPatientQuery(id))).Value;
        (await App.SendAsync(desk, EditOf(v2) with { Phone = "1" })).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task A_clinic_manager_cannot_edit_a_patient()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");
        var id = (await App.SendAsync(AppFixture.StaffOf(clinic, StaffRoles.FrontDesk),
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Value;
        var manager = AppFixture.StaffOf(clinic, StaffRoles.ClinicManager);
        var loaded = (await App.SendAsync(manager, new GetPatientQuery(id))).Value;

        var result = await App.SendAsync(manager, EditOf(loaded) with { FamilyName = "Marsh-Hughes" });

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await App.SendAsync(manager, new GetPatientQuery(id))).Value.ShouldBe(loaded);
    }

    [Fact]
    public async Task Editing_a_patient_that_does_not_exist_is_not_found()
    {
        var clinic = await App.AddClinicAsync("Northside Physio");

        var result = await App.SendAsync(AppFixture.StaffOf(clinic, StaffRoles.FrontDesk), new EditPatientCommand(
            Guid.CreateVersion7(), 1, "P1", "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, null, null, null, MedicalHistory.None));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    private static EditPatientCommand EditOf(PatientDto p) =>
        new(p.Id, p.Version, p.Mrn, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Phone, p.Email, p.Occupation, p.MedicalHistory);
}
