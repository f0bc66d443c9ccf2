using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;
using static PtClinic.IntegrationTests.Features.Treatment.TreatmentClinic;

namespace PtClinic.IntegrationTests.Features.Treatment;

public sealed class DryNeedlingTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_eligible_session_is_saved_with_its_sites_and_adverse_events_and_bills_its_units()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (visitId, first, second) = await clinic.EligibleAsync(App);

        (await App.SendAsync(clinic.Therapist, Needling(visitId, first, second))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, 33, "3 × 12", null))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.TriggerPointRelease, 7, null, null))).Ok();

        var treatment = (await App.SendAsync(clinic.Therapist, new GetVisitTreatmentQuery(visitId))).Ok();
        var needling = treatment.DryNeedling.ShouldNotBeNull();
        needling.Sites.Select(s => (s.KnotId, s.MuscleName, s.LocalTwitchResponse)).ShouldBe(
            [(first, "Biceps femoris (long head)", true), (second, "Semitendinosus", true)]);
        needling.LotNumber.ShouldBe("LOT-2611-A");
        needling.AdverseEvents.ShouldBe([new AdverseEvent(AdverseEventKind.Bruising, AdverseEventSeverity.Minor, null, "Pressure for 2 minutes")]);
        needling.CptCode.ShouldBe("20560");
        treatment.Billing.Select(l => (l.CptCode, l.Units)).ShouldBe([("97110", 2), ("97140", 1), ("20560", 1)]);
        treatment.TotalUnits.ShouldBe(4);
        (await App.SendAsync(clinic.Therapist, new GetDryNeedlingSafetyQuery(visitId))).Ok().BlockedBecause.ShouldBeEmpty();
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "no consent", "Dry needling is blocked: the patient has no active dry-needling consent." },
        { "expired credential", "Dry needling is blocked: the therapist holds no current dry-needling credential." },
        { "anticoagulants", "Dry needling is blocked: the patient takes anticoagulants." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Dry_needling_is_refused_with_its_own_message_and_nothing_is_saved(string why, string message)
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AdminAsync();
        if (why != "no consent")
        {
            await clinic.ConsentToDryNeedlingAsync(App);
        }

        await clinic.CredentialAsync(App, admin, why == "expired credential" ? Today.AddDays(-1) : Today.AddYears(1));
        if (why == "anticoagulants")
        {
            var chart = (await App.SendAsync(clinic.Therapist, new GetPatientChartQuery(clinic.PatientId))).Ok();
            (await App.SendAsync(clinic.Therapist, new EditPatientCommand(
                chart.Id, chart.Version, chart.Mrn, chart.GivenName, chart.FamilyName, chart.DateOfBirth, chart.Sex, chart.Phone, chart.Email,
                chart.Occupation, MedicalHistory.None with { AnticoagulantUse = true }))).Ok();
        }

        var (visitId, first, _) = await clinic.VisitWithKnotsAsync(App);

        var refused = await App.SendAsync(clinic.Therapist, Needling(visitId, first));

        refused.Failed(ErrorKind.Rule).Message.ShouldBe(message, why);
        (await App.ReadAsync(db => db.DryNeedlingProcedures.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
        (await App.ReadAsync(db => db.VisitTreatments.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
        (await App.SendAsync(clinic.Therapist, new GetDryNeedlingSafetyQuery(visitId))).Ok().BlockedBecause.ShouldBe([message]);
    }

    [Fact]
    public async Task Needling_over_an_infection_found_at_this_visit_is_refused()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (visitId, first, _) = await clinic.EligibleAsync(App);
        var version = (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(visitId))).Ok().Version;
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, version,
            FindingsInput.Empty with { TreatmentArea = new() { LocalInfection = true } }))).Ok();

        (await App.SendAsync(clinic.Therapist, Needling(visitId, first))).Failed(ErrorKind.Rule).Message
            .ShouldBe("Dry needling is blocked: there is an infection at the treatment area.");
        (await App.SendAsync(clinic.Therapist, new GetVisitAssessmentQuery(visitId))).Ok().Findings.TreatmentArea.LocalInfection.ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_input_is_a_field_error_and_what_was_saved_stays()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (visitId, first, _) = await clinic.EligibleAsync(App);
        (await App.SendAsync(clinic.Therapist, Needling(visitId, first))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, 20, null, null))).Ok();
        var before = (await App.SendAsync(clinic.Therapist, new GetVisitTreatmentQuery(visitId))).Ok();

        (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, -5, null, null)))
            .Failed(ErrorKind.Validation).For("Minutes").ShouldBe("Minutes must be 1 to 120.");
        (await App.SendAsync(clinic.Therapist, Needling(visitId, first) with { LotNumber = new string('7', 500) }))
            .Failed(ErrorKind.Validation).For("LotNumber").ShouldBe("The lot number can be at most 40 characters; this one has 500.");
        (await App.SendAsync(clinic.Therapist, Needling(visitId, Guid.CreateVersion7())))
            .Failed(ErrorKind.Validation).For("Sites").ShouldBe("Needle only knots charted at this visit: chart the knot on the body chart first.");
        (await App.SendAsync(clinic.Therapist, Needling(visitId, first) with { NeedleGaugeMm = 3m }))
            .Failed(ErrorKind.Validation).For("NeedleGaugeMm").ShouldBe("The needle diameter must be 0.12 to 0.50 mm.");

        var after = (await App.SendAsync(clinic.Therapist, new GetVisitTreatmentQuery(visitId))).Ok();
        after.Interventions.ShouldBe(before.Interventions);
        after.DryNeedling!.LotNumber.ShouldBe("LOT-2611-A");
        after.Billing.ShouldBe(before.Billing);
    }

    [Fact]
    public async Task A_knot_charted_at_another_visit_is_not_a_site_to_needle_here()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, knotElsewhere, _) = await clinic.EligibleAsync(App);
        var (visitId, _, _) = await clinic.VisitWithKnotsAsync(App);

        (await App.SendAsync(clinic.Therapist, Needling(visitId, knotElsewhere))).Failed(ErrorKind.Validation).For("Sites").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_intervention_the_clinic_retired_is_no_longer_given_and_leaves_the_picker()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(await clinic.AdminAsync(), new RetireInterventionCommand(InterventionCatalog.GluteBridge))).Ok();

        (await App.SendAsync(clinic.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, 20, null, null)))
            .Failed(ErrorKind.Validation).For("InterventionCode").ShouldNotBeNull();
        var treatment = (await App.SendAsync(clinic.Therapist, new GetVisitTreatmentQuery(visitId))).Ok();
        treatment.Catalog.ShouldNotContain(c => c.Code == InterventionCatalog.GluteBridge);
        treatment.Catalog.ShouldContain(c => c.Code == InterventionCatalog.TriggerPointRelease);
        treatment.Catalog.ShouldNotContain(c => c.Code == InterventionCatalog.DryNeedling);
    }
}
