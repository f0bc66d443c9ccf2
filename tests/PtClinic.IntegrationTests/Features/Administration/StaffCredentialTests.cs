using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Administration;
using PtClinic.Domain.Staff;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Administration;

public sealed class StaffCredentialTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private TestClinic _clinic = default!;
    private ClaimsPrincipal _admin = default!;
    private Guid _maya;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await TestClinic.CreateAsync(App);
        _admin = await _clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        _maya = TestClinic.IdOf(_clinic.Therapist);
    }

    [Fact]
    public async Task An_admin_adds_a_dry_needling_certification_and_the_staff_list_shows_it_current()
    {
        var id = (await App.SendAsync(_admin, new AddStaffCredentialCommand(
            _maya, CredentialKind.DryNeedlingCertification, " AACP ", " DN-20931 ", Today.AddMonths(-2), Today.AddYears(2)))).Ok();

        var roster = (await App.SendAsync(_admin, new ListStaffMembersQuery())).Ok();
        var credential = roster.Members.Single(m => m.Id == _maya).Credentials.ShouldHaveSingleItem();
        credential.ShouldBe(new StaffCredentialDto(
            id, CredentialKind.DryNeedlingCertification, "AACP", "DN-20931", Today.AddMonths(-2), Today.AddYears(2), IsExpired: false));
        (await App.ReadAsync(db => db.StaffCredentials.IgnoreQueryFilters().SingleAsync())).ClinicId.ShouldBe(_clinic.Id);
    }

    /// <summary>
    /// A clinic in Auckland (UTC+13 in January) at 11:30 UTC on 10 January: the UTC date is the
    /// 10th, the clinic's date already the 11th. A certificate valid through the 10th has expired
    /// there, and one valid through the 11th has not.
    /// </summary>
    [Fact]
    public async Task A_credential_past_its_expiry_reads_as_expired_on_the_clinics_date_not_the_UTC_date()
    {
        var auckland = await TestClinic.CreateAsync(App, "Ponsonby Physio", "Pacific/Auckland");
        var admin = await auckland.AddStaffAsync("Aroha Ngata", StaffRoles.Admin);
        var therapist = TestClinic.IdOf(auckland.Therapist);
        var utcNow = new DateTimeOffset(2027, 1, 10, 11, 30, 0, TimeSpan.Zero);
        await using var stopped = new StoppedClockApp(App, utcNow);
        (await stopped.SendAsync(admin, new AddStaffCredentialCommand(
            therapist, CredentialKind.DryNeedlingCertification, "NZ Society of Physiotherapists", null, new DateOnly(2024, 1, 10), new DateOnly(2027, 1, 10)))).Ok();
        (await stopped.SendAsync(admin, new AddStaffCredentialCommand(
            therapist, CredentialKind.CprFirstAid, "St John NZ", null, new DateOnly(2025, 1, 11), new DateOnly(2027, 1, 11)))).Ok();

        var view = (await stopped.SendAsync(admin, new GetStaffMemberQuery(therapist))).Ok();

        view.ClinicToday.ShouldBe(new DateOnly(2027, 1, 11));
        view.Member.Credentials.Single(c => c.Kind == CredentialKind.DryNeedlingCertification).IsExpired.ShouldBeTrue();
        view.Member.Credentials.Single(c => c.Kind == CredentialKind.CprFirstAid).IsExpired.ShouldBeFalse();
    }

    [Fact]
    public async Task On_the_clinics_date_a_credential_issued_today_is_allowed_though_the_UTC_date_is_still_yesterday()
    {
        var auckland = await TestClinic.CreateAsync(App, "Ponsonby Physio", "Pacific/Auckland");
        var admin = await auckland.AddStaffAsync("Aroha Ngata", StaffRoles.Admin);
        await using var stopped = new StoppedClockApp(App, new DateTimeOffset(2027, 1, 10, 11, 30, 0, TimeSpan.Zero));

        var issuedOnClinicToday = await stopped.SendAsync(admin, new AddStaffCredentialCommand(
            TestClinic.IdOf(auckland.Therapist), CredentialKind.CprFirstAid, "St John NZ", null, new DateOnly(2027, 1, 11), null));
        var tomorrow = await stopped.SendAsync(admin, new AddStaffCredentialCommand(
            TestClinic.IdOf(auckland.Therapist), CredentialKind.CprFirstAid, "St John NZ", null, new DateOnly(2027, 1, 12), null));

        issuedOnClinicToday.Ok();
        tomorrow.Failed(ErrorKind.Validation).For("IssuedOn").ShouldBe("The issue date cannot be in the future.");
    }

    public static TheoryData<AddStaffCredentialCommand, string, string> BadInput()
    {
        var maya = Guid.Empty; // replaced by the test: the member is made per test
        return new TheoryData<AddStaffCredentialCommand, string, string>
        {
            { new(maya, null, "AACP", null, Today, null), "Kind", "Choose the kind of credential." },
            { new(maya, (CredentialKind)42, "AACP", null, Today, null), "Kind", "Choose the kind of credential." },
            { new(maya, CredentialKind.Other, " ", null, Today, null), "Issuer", "Enter who issued the credential." },
            { new(maya, CredentialKind.Other, new string('x', StaffCredential.IssuerMaxLength + 1), null, Today, null), "Issuer", "The issuer can be at most 120 characters; this one has 121." },
            { new(maya, CredentialKind.Other, "AACP\0", null, Today, null), "Issuer", "Issuer: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again." },
            { new(maya, CredentialKind.Other, "AACP", new string('9', StaffCredential.NumberMaxLength + 1), Today, null), "Number", "The credential number can be at most 60 characters; this one has 61." },
            { new(maya, CredentialKind.Other, "AACP", null, null, null), "IssuedOn", "Enter the date the credential was issued." },
            { new(maya, CredentialKind.DryNeedlingCertification, "AACP", null, Today.AddDays(-1), Today.AddDays(-2)), "ExpiresOn", "The expiry date cannot be before the issue date." },
        };
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task A_credential_with_bad_input_gets_a_sentence_on_its_field_and_nothing_is_stored(
        AddStaffCredentialCommand command, string field, string message)
    {
        var result = await App.SendAsync(_admin, command with { StaffMemberId = _maya });

        result.Failed(ErrorKind.Validation).For(field).ShouldBe(message);
        (await App.ReadAsync(db => db.StaffCredentials.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Removing_a_credential_takes_it_off_and_an_unknown_one_is_not_found()
    {
        var id = (await App.SendAsync(_admin, new AddStaffCredentialCommand(
            _maya, CredentialKind.CprFirstAid, "St John Ambulance", null, Today.AddYears(-1), Today.AddYears(2)))).Ok();

        (await App.SendAsync(_admin, new RemoveStaffCredentialCommand(_maya, id))).Ok();
        var again = await App.SendAsync(_admin, new RemoveStaffCredentialCommand(_maya, id));

        again.Failed(ErrorKind.NotFound).Message.ShouldBe("Credential was not found.");
        (await App.ReadAsync(db => db.StaffCredentials.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }
}
