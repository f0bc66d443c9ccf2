using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Patients;

public sealed class RecordConsentTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private Guid _clinic;
    private ClaimsPrincipal _therapist = default!;
    private Guid _patient;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await App.AddClinicAsync("Northside Physio");
        _therapist = AppFixture.StaffOf(_clinic, StaffRoles.Therapist);
        _patient = (await App.SendAsync(_therapist,
            new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female))).Value;
    }

    [Fact]
    public async Task A_treatment_consent_is_recorded_by_the_signed_in_staff_member()
    {
        var result = await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.Treatment, Today, false, true, " Verbal and written "));

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        var stored = await ConsentsAsync();
        var consent = stored.ShouldHaveSingleItem();
        consent.Id.ShouldBe(result.Value);
        consent.ClinicId.ShouldBe(_clinic);
        consent.Kind.ShouldBe(ConsentKind.Treatment);
        consent.GivenOn.ShouldBe(Today);
        consent.Note.ShouldBe("Verbal and written");
        consent.RecordedBy.Name.ShouldBe("Test Staff");
        consent.RecordedBy.UserId.ToString().ShouldBe(_therapist.FindFirstValue(ClaimTypes.NameIdentifier));
        consent.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_dry_needling_consent_with_the_risks_explained_and_signed_is_recorded()
    {
        var result = await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.DryNeedling, Today.AddDays(-1), RisksExplained: true, SignedByPatient: true));

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        (await ConsentsAsync()).ShouldHaveSingleItem().Kind.ShouldBe(ConsentKind.DryNeedling);
    }

    [Theory]
    [InlineData(false, true, "RisksExplained")]
    [InlineData(true, false, "SignedByPatient")]
    public async Task A_dry_needling_consent_without_risks_explained_or_signature_is_refused_on_that_field(
        bool risksExplained, bool signed, string field)
    {
        var result = await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.DryNeedling, Today, risksExplained, signed));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields.ShouldHaveSingleItem().Field.ShouldBe(field);
        (await ConsentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_consent_without_kind_or_date_or_dated_tomorrow_gets_field_errors_and_nothing_is_stored()
    {
        var missing = await App.SendAsync(_therapist, new RecordConsentCommand(_patient, null, null, false, false));
        var tomorrow = await App.SendAsync(_therapist,
            new RecordConsentCommand(_patient, ConsentKind.Treatment, Today.AddDays(1), false, true, new string('x', Consent.NoteMaxLength + 1)));

        missing.Error!.Fields.Select(f => f.Field).ShouldBe(["Kind", "GivenOn"], ignoreOrder: true);
        tomorrow.Error!.For("GivenOn").ShouldBe("A consent cannot be dated in the future.");
        tomorrow.Error.For("Note").ShouldNotBeNull();
        (await ConsentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Recording_a_consent_for_another_clinics_patient_is_not_found()
    {
        var other = await App.AddClinicAsync("Southside Physio");

        var result = await App.SendAsync(AppFixture.StaffOf(other, StaffRoles.Therapist),
            new RecordConsentCommand(_patient, ConsentKind.Treatment, Today, false, true));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await ConsentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_clinic_manager_cannot_record_a_consent()
    {
        var result = await App.SendAsync(AppFixture.StaffOf(_clinic, StaffRoles.ClinicManager),
            new RecordConsentCommand(_patient, ConsentKind.Treatment, Today, false, true));

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ConsentsAsync()).ShouldBeEmpty();
    }

    private Task<List<Consent>> ConsentsAsync() =>
        App.ReadAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.PatientId == _patient).ToListAsync());
}
