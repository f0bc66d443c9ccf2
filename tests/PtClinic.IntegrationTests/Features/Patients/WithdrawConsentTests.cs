using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Patients;

public sealed class WithdrawConsentTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private Guid _clinic;
    private ClaimsPrincipal _therapist = default!;
    private Guid _patient;
    private Guid _consent;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await App.AddClinicAsync("Northside Physio");
        _therapist = AppFixture.StaffOf(_clinic, StaffRoles.Therapist);
        _patient = (await App.SendAsync(_therapist,
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Value;
        _consent = (await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.DryNeedling, Today, true, true))).Value;
    }

    [Fact]
    public async Task A_withdrawn_consent_stays_on_the_record_but_no_longer_counts()
    {
        var result = await App.SendAsync(AppFixture.StaffOf(_clinic, StaffRoles.FrontDesk),
            new WithdrawConsentCommand(_patient, _consent));

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        var patient = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().Include(p => p.Consents)
            .SingleAsync(p => p.Id == _patient));
        var consent = patient.Consents.ShouldHaveSingleItem();
        consent.WithdrawnAt.ShouldNotBeNull();
        patient.HasActiveConsent(ConsentKind.DryNeedling).ShouldBeFalse();
    }

    [Fact]
    public async Task Withdrawing_twice_is_refused_and_the_first_withdrawal_stands()
    {
        await App.SendAsync(_therapist, new WithdrawConsentCommand(_patient, _consent));
        var first = await WithdrawnAtAsync();

        var again = await App.SendAsync(_therapist, new WithdrawConsentCommand(_patient, _consent));

        again.Error!.Kind.ShouldBe(ErrorKind.Rule);
        again.Error.Message.ShouldBe("This consent was already withdrawn.");
        (await WithdrawnAtAsync()).ShouldBe(first);
    }

    [Fact]
    public async Task Empty_ids_are_field_errors_and_nothing_changes()
    {
        var result = await App.SendAsync(_therapist, new WithdrawConsentCommand(Guid.Empty, Guid.Empty));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields.Select(f => f.Field).ShouldBe(["PatientId", "ConsentId"], ignoreOrder: true);
        (await WithdrawnAtAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_consent_of_another_patient_is_not_found()
    {
        var other = (await App.SendAsync(_therapist,
            new RegisterPatientCommand("Daniel", "Okonkwo", new DateOnly(1995, 11, 2), Sex.Male))).Value;

        var result = await App.SendAsync(_therapist, new WithdrawConsentCommand(other, _consent));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await WithdrawnAtAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Another_clinic_cannot_withdraw_it()
    {
        var other = await App.AddClinicAsync("Southside Physio");

        var result = await App.SendAsync(AppFixture.StaffOf(other, StaffRoles.FrontDesk), new WithdrawConsentCommand(_patient, _consent));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await WithdrawnAtAsync()).ShouldBeNull();
    }

    private Task<DateTimeOffset?> WithdrawnAtAsync() =>
        App.ReadAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.Id == _consent).Select(c => c.WithdrawnAt).SingleAsync());
}
