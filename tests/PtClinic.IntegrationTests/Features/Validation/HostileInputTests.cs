using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Patients;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Validation;

/// <summary>
/// PostgreSQL cannot store NUL in text: any field carrying one is refused beside the field, in words,
/// before anything is written, wherever the field sits in the command.
/// </summary>
public sealed class HostileInputTests(AppFixture app) : IntegrationTest(app)
{
    private const string Nul = "\0";

    [Fact]
    public async Task A_NUL_in_a_note_section_is_refused_beside_that_section_and_nothing_is_saved()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();

        var refused = await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, $"Tight{Nul} hamstring", "Fine", null, null));

        refused.Failed(ErrorKind.Validation).Fields.ShouldHaveSingleItem().ShouldBe(new FieldError(
            nameof(SaveNoteDraftCommand.Subjective),
            "Subjective: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again."));
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync(n => n.VisitId == visitId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_NUL_deep_inside_the_findings_is_refused_under_its_path()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();

        var refused = await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, new FindingsInput { Easing = $"Walking{Nul}" }));

        refused.Failed(ErrorKind.Validation).For("Findings.Easing").ShouldBe(UnstorableText.MessageFor("Easing"));
        (await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters().CountAsync(a => a.VisitId == visitId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_NUL_in_a_name_or_a_list_of_activities_is_refused()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var before = await CountPatientsAsync();

        var patient = await App.SendAsync(clinic.Desk, new RegisterPatientCommand($"Ell{Nul}en", "Marsh", new DateOnly(1988, 3, 14), Sex.Female));
        var psfs = await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, null, Domain.Outcomes.OutcomeMeasure.Psfs, [3, 5, 4], ["Run", $"Sit{Nul}", "Climb"]));

        patient.Failed(ErrorKind.Validation).For(nameof(RegisterPatientCommand.GivenName)).ShouldBe("Given name: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again.");
        psfs.Failed(ErrorKind.Validation).For("ActivityNames[1]").ShouldBe(UnstorableText.MessageFor("ActivityNames"));
        (await CountPatientsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Markup_in_a_note_is_stored_and_read_back_as_plain_text()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        const string markup = "<script>alert('x')</script> <b>bold</b> {{ template }} '; DROP TABLE visit_notes; --";

        (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, markup, null, null, null))).Ok();

        (await clinic.NoteAsync(visitId)).Subjective.ShouldBe(markup);
    }
}
