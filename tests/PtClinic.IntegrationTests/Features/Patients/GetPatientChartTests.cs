using System.Security.Claims;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Patients;

public sealed class GetPatientChartTests(AppFixture app) : IntegrationTest(app)
{
    private Guid _clinic;
    private ClaimsPrincipal _therapist = default!;
    private Guid _patient;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await App.AddClinicAsync("Northside Physio");
        _therapist = AppFixture.StaffOf(_clinic, StaffRoles.Therapist);
        var registered = await App.SendAsync(_therapist, new RegisterPatientCommand(
            "Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, "+44 20 7946 0101", "ellen@example.org",
            Mrn: "P000101", Occupation: "Software developer",
            MedicalHistory: new MedicalHistory { AnticoagulantUse = true, Raynauds = true }));
        _patient = registered.Value;
    }

    [Fact]
    public async Task The_chart_shows_demographics_the_flags_that_are_set_and_the_consents()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var treatment = (await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.Treatment, today.AddDays(-3), false, true))).Value;
        await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.DryNeedling, today, true, true, "Leaflet given"));
        (await App.SendAsync(_therapist, new WithdrawConsentCommand(_patient, treatment))).IsSuccess.ShouldBeTrue();

        var chart = await ChartAsync(_therapist);

        chart.FullName.ShouldBe("Ellen Marsh");
        chart.Mrn.ShouldBe("P000101");
        chart.DateOfBirth.ShouldBe(new DateOnly(1988, 3, 14));
        chart.Phone.ShouldBe("+44 20 7946 0101");
        chart.Occupation.ShouldBe("Software developer");
        chart.MedicalFlags.ShouldBe(["Anticoagulant use", "Raynaud's"]);
        chart.Consents.Select(c => (c.Kind, c.IsActive)).ShouldBe(
            [(ConsentKind.DryNeedling, true), (ConsentKind.Treatment, false)]);
        chart.Consents[0].RecordedBy.ShouldBe("Test Staff");
        chart.Consents[0].Note.ShouldBe("Leaflet given");
    }

    [Fact]
    public async Task Another_clinics_patient_is_not_found()
    {
        var other = await App.AddClinicAsync("Southside Physio");

        var result = await App.SendAsync(AppFixture.StaffOf(other, StaffRoles.Therapist), new GetPatientChartQuery(_patient));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task An_empty_patient_id_is_a_field_error()
    {
        var result = await App.SendAsync(_therapist, new GetPatientChartQuery(Guid.Empty));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.For(nameof(GetPatientChartQuery.PatientId)).ShouldNotBeNull();
    }

    /// <summary>An episode with a signed, amended visit and a later draft, written as the charting features would.</summary>
    private async Task<PatientChartDto> ChartAsync(ClaimsPrincipal user)
    {
        var result = await App.SendAsync(user, new GetPatientChartQuery(_patient));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }
}
