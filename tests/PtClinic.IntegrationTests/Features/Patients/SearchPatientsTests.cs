using System.Security.Claims;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Patients;

public sealed class SearchPatientsTests(AppFixture app) : IntegrationTest(app)
{
    private Guid _north;
    private ClaimsPrincipal _desk = default!;
    private ClaimsPrincipal _otherDesk = default!;
    private Guid _ellen;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _north = await App.AddClinicAsync("Northside Physio");
        var south = await App.AddClinicAsync("Southside Physio");
        _desk = AppFixture.StaffOf(_north, StaffRoles.FrontDesk);
        _otherDesk = AppFixture.StaffOf(south, StaffRoles.FrontDesk);

        _ellen = await RegisterAsync(_desk, "Ellen", "Marsh", new DateOnly(1988, 3, 14), "P000101");
        await RegisterAsync(_desk, "Alfie", "Marsden", new DateOnly(1990, 5, 1), "P000102");
        await RegisterAsync(_desk, "Ellen", "Marshall", new DateOnly(1979, 8, 30), "P000103");
        await RegisterAsync(_desk, "Daniel", "Okonkwo", new DateOnly(1995, 11, 2), "P000104");
        await RegisterAsync(_desk, "Omar", "Hassan", new DateOnly(1960, 1, 9), "P000105");
        await RegisterAsync(_desk, "Greta", "Lindholm", new DateOnly(1971, 6, 28), "Ab-77");

        // Southside has its own Ellen Marsh, born the same day, under the same MRN.
        await RegisterAsync(_otherDesk, "Ellen", "Marsh", new DateOnly(1988, 3, 14), "P000101");
        await RegisterAsync(_otherDesk, "Marta", "Marsh", new DateOnly(1988, 3, 14), "P000999");
    }

    [Fact]
    public async Task A_misspelt_surname_finds_the_patient_ahead_of_names_that_only_look_alike()
    {
        var hits = await SearchAsync("Marsch");

        hits.Select(h => h.FullName).ShouldContain("Ellen Marsh");
        hits[0].Id.ShouldBe(_ellen);
        hits.ShouldNotContain(h => h.FullName == "Daniel Okonkwo");
    }

    [Fact]
    public async Task A_full_name_with_one_typo_finds_the_patient_first()
    {
        var hits = await SearchAsync("Elen Marsh");

        hits[0].Id.ShouldBe(_ellen);
        hits[0].Mrn.ShouldBe("P000101");
        hits[0].DateOfBirth.ShouldBe(new DateOnly(1988, 3, 14));
        hits[0].Score.ShouldBeGreaterThan(hits.Skip(1).Select(h => h.Score).DefaultIfEmpty().Max());
    }

    [Fact]
    public async Task A_short_prefix_ranks_every_name_with_a_word_starting_with_it_first()
    {
        var hits = await SearchAsync("mar");

        // Omar also contains "mar", so the fuzzy match keeps him, below the names that start with it.
        hits.Take(3).Select(h => h.FullName).ShouldBe(["Ellen Marsh", "Alfie Marsden", "Ellen Marshall"], ignoreOrder: true);
        hits.Take(3).ShouldAllBe(h => h.Score == 1.0);
        hits.Skip(3).ShouldAllBe(h => h.Score < 1.0);
    }

    [Theory]
    [InlineData("P000101")]
    [InlineData("p000101")]
    [InlineData(" P000101 ")]
    public async Task An_MRN_finds_exactly_that_patient_in_any_case(string text)
    {
        var hits = await SearchAsync(text);

        hits.Select(h => h.Id).ShouldBe([_ellen]);
        hits[0].Score.ShouldBe(1.0);
    }

    [Fact]
    public async Task An_MRN_with_letters_matches_whatever_case_it_was_stored_in()
    {
        (await SearchAsync("aB-77")).Select(h => h.FullName).ShouldBe(["Greta Lindholm"]);
        (await SearchAsync("AB-7")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1988-03-14")]
    [InlineData("14/03/1988")]
    public async Task A_date_of_birth_finds_the_patients_born_that_day(string text)
    {
        var hits = await SearchAsync(text);

        hits.Select(h => h.Id).ShouldBe([_ellen]);
    }

    [Theory]
    [InlineData("Marsch")]
    [InlineData("Ellen Marsh")]
    [InlineData("mar")]
    [InlineData("Marta")]
    [InlineData("P000101")]
    [InlineData("P000999")]
    [InlineData("1988-03-14")]
    public async Task Another_clinics_patients_are_never_returned(string text)
    {
        var theirs = (await App.SendAsync(_otherDesk, new SearchPatientsQuery(text))).Value.Select(h => h.Id).ToList();

        var ours = await SearchAsync(text);

        ours.ShouldAllBe(h => !theirs.Contains(h.Id));
        ours.ShouldNotContain(h => h.FullName == "Marta Marsh");
    }

    [Fact]
    public async Task Take_limits_the_hits_to_the_best_ones()
    {
        var hits = (await App.SendAsync(_desk, new SearchPatientsQuery("Ellen Marsh", Take: 1))).Value;

        hits.Select(h => h.Id).ShouldBe([_ellen]);
    }

    [Fact]
    public async Task A_name_that_matches_nobody_finds_nothing()
    {
        (await SearchAsync("Zimmermann")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "Text")]
    [InlineData("   ", "Text")]
    [InlineData("m", "Text")]
    public async Task Too_little_to_search_for_is_a_field_error(string text, string field)
    {
        var result = await App.SendAsync(_desk, new SearchPatientsQuery(text));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.For(field).ShouldNotBeNull();
    }

    [Fact]
    public async Task Asking_for_no_hits_or_too_many_is_a_field_error()
    {
        (await App.SendAsync(_desk, new SearchPatientsQuery("Marsh", Take: 0))).Error!.For("Take").ShouldNotBeNull();
        (await App.SendAsync(_desk, new SearchPatientsQuery("Marsh", Take: 1000))).Error!.For("Take").ShouldNotBeNull();
        (await App.SendAsync(_desk, new SearchPatientsQuery(new string('a', 101)))).Error!.For("Text").ShouldNotBeNull();
    }

    [Fact]
    public async Task Everyone_signed_in_may_search_but_nobody_else()
    {
        var manager = AppFixture.StaffOf(_north, StaffRoles.ClinicManager);

        (await App.SendAsync(manager, new SearchPatientsQuery("Marsh"))).IsSuccess.ShouldBeTrue();
        (await App.SendAsync(AppFixture.Anonymous, new SearchPatientsQuery("Marsh"))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    private async Task<IReadOnlyList<PatientSearchHit>> SearchAsync(string text)
    {
        var result = await App.SendAsync(_desk, new SearchPatientsQuery(text));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    private async Task<Guid> RegisterAsync(ClaimsPrincipal desk, string given, string family, DateOnly born, string mrn)
    {
        var result = await App.SendAsync(desk, new RegisterPatientCommand(given, family, born, Sex.Female, Mrn: mrn));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }
}
