using System.Security.Claims;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Security;

namespace PtClinic.IntegrationTests.Features.Treatment;

public sealed class InterventionCatalogTests(AppFixture app) : IntegrationTest(app)
{
    private TestClinic _clinic = default!;
    private ClaimsPrincipal _admin = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await TestClinic.CreateAsync(App);
        _admin = await _clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
    }

    private async Task<IReadOnlyList<InterventionDto>> CatalogAsync(ClaimsPrincipal? reader = null, bool includeRetired = false) =>
        (await App.SendAsync(reader ?? _clinic.Therapist, new ListInterventionCatalogQuery(includeRetired))).Ok();

    private static InterventionInput Input(InterventionDefinition d) => new(
        d.Name, d.Category, d.Performer, DoseInput.From(d.DefaultDose), d.PatientWording, d.Precautions, d.Contraindications, d.Billing, d.CptCode);

    [Fact]
    public async Task The_migration_seeds_exactly_the_catalog_the_domain_defines()
    {
        var catalog = await CatalogAsync();

        catalog.Select(i => i.Code).ShouldBe(InterventionCatalog.All.Select(i => i.Code));
        var needling = catalog.Single(i => i.Code == InterventionCatalog.DryNeedling);
        needling.ShouldSatisfyAllConditions(
            i => i.Name.ShouldBe("Dry needling"),
            i => (i.Performer, i.Billing, i.CptCode).ShouldBe((Performer.Clinician, BillingKind.Untimed, "20560")),
            i => i.Contraindications.Select(c => c.Code).ShouldBe(InterventionCatalog.Find(InterventionCatalog.DryNeedling)!.Contraindications.Select(c => c.Code), ignoreOrder: true),
            i => (i.IsSeeded, i.IsEdited, i.IsRetired).ShouldBe((true, false, false)));
        catalog.Single(i => i.Code == InterventionCatalog.ColdTherapy).DoseWording.ShouldBe("10 minutes on, 15 minutes off");
    }

    [Fact]
    public async Task An_admin_adds_an_exercise_that_this_clinic_prescribes_and_no_other_sees()
    {
        var code = (await App.SendAsync(_admin, new AddInterventionCommand(ScenarioClinic.Exercise("Nordic hamstring curl")))).Ok();

        code.ShouldBe("nordic-hamstring-curl");
        var added = (await CatalogAsync()).Single(i => i.Code == code);
        (added.Name, added.IsSeeded, added.DoseWording).ShouldBe(("Nordic hamstring curl", false, "3 sets of 10, once a day, 5 days a week"));
        var other = await TestClinic.CreateAsync(App, "Eastside Physio");
        (await CatalogAsync(other.Therapist)).ShouldNotContain(i => i.Code == code);
        (await App.SendAsync(await other.AddStaffAsync("Ola Nordmann", StaffRoles.Admin), new RetireInterventionCommand(code))).Failed(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Editing_a_seeded_entry_changes_it_for_this_clinic_only()
    {
        var glute = InterventionCatalog.Find(InterventionCatalog.GluteBridge)!;
        var edited = Input(glute) with { Name = "Glute bridge with a band", Dose = new DoseInput(4, 12, null, null, null, 1, 4) };

        (await App.SendAsync(_admin, new EditInterventionCommand(glute.Code, edited))).Ok();

        var mine = (await CatalogAsync()).Single(i => i.Code == glute.Code);
        (mine.Name, mine.DoseWording, mine.IsSeeded, mine.IsEdited).ShouldBe(("Glute bridge with a band", "4 sets of 12, once a day, 4 days a week", true, true));
        var other = await TestClinic.CreateAsync(App, "Eastside Physio");
        (await CatalogAsync(other.Therapist)).Single(i => i.Code == glute.Code).Name.ShouldBe("Glute bridge");
    }

    [Fact]
    public async Task A_seeded_contraindication_cannot_be_removed_and_nothing_is_saved()
    {
        var needling = InterventionCatalog.Find(InterventionCatalog.DryNeedling)!;
        var weakened = Input(needling) with { Contraindications = [.. needling.Contraindications.Where(c => c.Code != Contraindication.Anticoagulants)] };
        var before = await DatabaseChecksum.OfAsync(App);

        var refused = await App.SendAsync(_admin, new EditInterventionCommand(needling.Code, weakened));

        refused.Failed(ErrorKind.Rule).Message.ShouldBe("Dry needling keeps its contraindication \"the patient takes anticoagulants\" as blocking: the safety rules rely on it.");
        (await DatabaseChecksum.OfAsync(App)).ShouldBe(before);
    }

    [Fact]
    public async Task A_retired_entry_leaves_the_list_for_new_prescriptions_but_is_kept_and_can_come_back()
    {
        (await App.SendAsync(_admin, new RetireInterventionCommand(InterventionCatalog.SportsMassage))).Ok();

        (await CatalogAsync()).ShouldNotContain(i => i.Code == InterventionCatalog.SportsMassage);
        (await CatalogAsync(_admin, includeRetired: true)).Single(i => i.Code == InterventionCatalog.SportsMassage)
            .ShouldSatisfyAllConditions(i => i.IsRetired.ShouldBeTrue(), i => i.IsEdited.ShouldBeFalse(), i => i.Name.ShouldBe("Sports massage"));
        (await App.SendAsync(_admin, new RetireInterventionCommand(InterventionCatalog.SportsMassage))).Failed(ErrorKind.Rule)
            .Message.ShouldBe("Sports massage is already retired.");

        (await App.SendAsync(_admin, new ReinstateInterventionCommand(InterventionCatalog.SportsMassage))).Ok();

        (await CatalogAsync()).ShouldContain(i => i.Code == InterventionCatalog.SportsMassage);
    }

    [Fact]
    public async Task Bad_input_is_a_field_error_and_an_unknown_code_is_not_found()
    {
        var bad = ScenarioClinic.Exercise("") with { Dose = new DoseInput(0, 200, 3 * 60 * 60, -1, null, 11, 8), CptCode = "9711", Category = (InterventionCategory)99 };

        var error = (await App.SendAsync(_admin, new AddInterventionCommand(bad))).Failed(ErrorKind.Validation);

        error.For("Intervention.Name").ShouldBe("Enter the intervention's name.");
        error.For("Intervention.Dose.Sets").ShouldBe("Sets must be 1 to 10.");
        error.For("Intervention.Dose.Reps").ShouldBe("Repetitions must be 1 to 100.");
        error.For("Intervention.Dose.HoldSeconds").ShouldBe("The hold must be 1 to 300 seconds.");
        error.For("Intervention.Dose.MinutesOn").ShouldBe("Minutes on must be 1 to 120.");
        error.For("Intervention.Dose.TimesPerDay").ShouldBe("Times a day must be 1 to 10.");
        error.For("Intervention.Dose.DaysPerWeek").ShouldBe("Days a week must be 1 to 7.");
        error.For("Intervention.CptCode").ShouldBe("A CPT code is five digits, for example 97110.");
        error.For("Intervention.Category").ShouldBe("Choose a category from the list.");
        (await App.SendAsync(_admin, new EditInterventionCommand("no-such-thing", ScenarioClinic.Exercise("X")))).Failed(ErrorKind.NotFound);
    }

    [Fact]
    public async Task The_app_role_cannot_change_the_seeded_catalog_nor_delete_a_clinic_entry()
    {
        (await App.SendAsync(_admin, new RetireInterventionCommand(InterventionCatalog.Rest))).Ok();
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        foreach (var sql in new[]
        {
            "UPDATE catalog_interventions SET name = 'Nap' WHERE code = 'rest'",
            "DELETE FROM catalog_interventions WHERE code = 'rest'",
            "INSERT INTO catalog_interventions (code, name, category, performer, default_dose, patient_wording, precautions, contraindications, billing, sort_order) VALUES ('x', 'x', 'Rest', 'Home', '{}', 'x', '', '[]', 'NotBilled', 1)",
            "DELETE FROM clinic_interventions",
            "TRUNCATE clinic_interventions",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            refused.SqlState.ShouldBe("42501", sql);
        }
    }
}
