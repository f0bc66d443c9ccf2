using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Audit;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Audit;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Audit;

public sealed class AuditTrailTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Reading_a_chart_leaves_exactly_one_row_naming_the_reader_and_the_patient()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var before = await RowsAsync(clinic.Id);

        (await App.SendAsync(clinic.Therapist, new GetPatientChartQuery(clinic.PatientId))).Ok();

        var added = (await RowsAsync(clinic.Id)).Skip(before.Count).ToList();
        var row = added.ShouldHaveSingleItem();
        row.Action.ShouldBe(AuditActions.Read);
        row.Operation.ShouldBe(nameof(GetPatientChartQuery));
        row.EntityType.ShouldBe("Patient");
        row.EntityId.ShouldBe(clinic.PatientId);
        row.PatientId.ShouldBe(clinic.PatientId);
        row.ActorId.ShouldBe(TestClinic.IdOf(clinic.Therapist));
        row.ActorRoles.ShouldBe(StaffRoles.Therapist);
        row.Outcome.ShouldBe(AuditOutcomes.Success);
    }

    [Fact]
    public async Task Signing_a_note_leaves_exactly_one_row_for_the_note_and_its_patient()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the knee", null, null, null))).Ok();
        var before = await RowsAsync(clinic.Id);

        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();

        var row = (await RowsAsync(clinic.Id)).Skip(before.Count).ShouldHaveSingleItem();
        row.Operation.ShouldBe(nameof(SignVisitNoteCommand));
        row.Action.ShouldBe(AuditActions.Update);
        row.PatientId.ShouldBe(clinic.PatientId);
        row.ActorId.ShouldBe(TestClinic.IdOf(clinic.Therapist));
        row.Outcome.ShouldBe(AuditOutcomes.Success);
    }

    [Fact]
    public async Task Registering_a_patient_records_the_new_record_as_created()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var before = await RowsAsync(clinic.Id);

        var patientId = (await App.SendAsync(clinic.Desk,
            new RegisterPatientCommand("Ines", "Moreau", new DateOnly(1979, 4, 2), Domain.Patients.Sex.Female))).Ok();

        var row = (await RowsAsync(clinic.Id)).Skip(before.Count).ShouldHaveSingleItem();
        row.Action.ShouldBe(AuditActions.Create);
        row.EntityType.ShouldBe("Patient");
        row.EntityId.ShouldBe(patientId);
        row.PatientId.ShouldBe(patientId);
        row.ActorRoles.ShouldBe(StaffRoles.FrontDesk);
    }

    [Fact]
    public async Task A_refused_read_is_recorded_as_denied_and_another_clinics_id_as_not_found()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var other = await TestClinic.CreateAsync(App, "Southside Physio");
        var before = await RowsAsync(clinic.Id);

        (await App.SendAsync(clinic.Therapist, new GetPatientAuditHistoryQuery(clinic.PatientId))).Failed(ErrorKind.Forbidden);
        (await App.SendAsync(clinic.Manager, new GetPatientChartQuery(other.PatientId))).Failed(ErrorKind.NotFound);

        var added = (await RowsAsync(clinic.Id)).Skip(before.Count).ToList();
        added.Select(r => (r.Operation, r.Outcome)).ShouldBe(
        [
            (nameof(GetPatientAuditHistoryQuery), AuditOutcomes.Denied),
            (nameof(GetPatientChartQuery), AuditOutcomes.NotFound),
        ]);
        added[1].EntityId.ShouldBe(other.PatientId);
        added[1].PatientId.ShouldBeNull("another clinic's patient is not named in this clinic's trail");
    }

    [Fact]
    public async Task The_trail_holds_ids_and_never_what_a_note_says()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        const string Secret = "Patient mentions a confidential family matter";
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, Secret, null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();
        (await App.SendAsync(clinic.Therapist, new GetVisitNoteQuery(visitId))).Ok();

        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM audit_events a WHERE a.clinic_id = @clinic AND a::text ILIKE '%confidential%'", connection);
        command.Parameters.AddWithValue("clinic", clinic.Id);
        ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
        (await RowsAsync(clinic.Id)).Count(r => r.EntityId == visitId || r.PatientId == clinic.PatientId).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Each_clinics_rows_are_numbered_and_chained_and_the_verifier_finds_them_intact()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        for (var i = 0; i < 3; i++)
        {
            (await App.SendAsync(clinic.Manager, new GetPatientChartQuery(clinic.PatientId))).Ok();
        }

        var rows = await RowsAsync(clinic.Id);
        rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, rows.Count).Select(i => (long)i));
        rows[0].PreviousHash.ShouldBe(AuditEvent.GenesisHash.ToArray());
        for (var i = 1; i < rows.Count; i++)
        {
            rows[i].PreviousHash.ShouldBe(rows[i - 1].Hash);
        }

        var report = (await App.SendAsync(admin, new VerifyAuditTrailQuery())).Ok();
        report.IsIntact.ShouldBeTrue(report.FirstBreak?.Problem);
        report.EventsChecked.ShouldBe(rows.Count);
        report.LatestHash.ShouldBe(Convert.ToHexStringLower(rows[^1].Hash));
    }

    [Fact]
    public async Task Reads_written_at_the_same_time_still_make_one_unbroken_chain()
    {
        var clinic = await TestClinic.CreateAsync(App);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
            (await App.SendAsync(clinic.Manager, new GetPatientChartQuery(clinic.PatientId))).Ok())));

        var rows = await RowsAsync(clinic.Id);
        rows.Count(r => r.Operation == nameof(GetPatientChartQuery)).ShouldBe(24);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        (await App.SendAsync(admin, new VerifyAuditTrailQuery())).Ok().IsIntact.ShouldBeTrue();
    }

    [Theory]
    [InlineData("UPDATE audit_events SET entity_id = gen_random_uuid() WHERE clinic_id = @clinic AND sequence = 3",
        3, "was changed after it was written")]
    [InlineData("DELETE FROM audit_events WHERE clinic_id = @clinic AND sequence = 3",
        4, "Event 3 is missing")]
    [InlineData("UPDATE audit_events SET hash = sha256(hash) WHERE clinic_id = @clinic AND sequence = 3",
        3, "was changed after it was written")]
    public async Task A_row_changed_behind_the_apps_back_is_found_at_its_position(string tampering, long brokenAt, string problem)
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var baseline = (await RowsAsync(clinic.Id)).Count;
        for (var i = baseline; i < 5; i++)
        {
            (await App.SendAsync(clinic.Manager, new GetPatientChartQuery(clinic.PatientId))).Ok();
        }

        await TamperAsync(clinic.Id, tampering);

        var report = (await App.SendAsync(admin, new VerifyAuditTrailQuery())).Ok();

        report.IsIntact.ShouldBeFalse();
        report.FirstBreak!.Sequence.ShouldBe(brokenAt);
        report.FirstBreak.Problem.ShouldContain(problem);
    }

    [Fact]
    public async Task The_host_check_reports_every_clinics_chain_and_fails_on_a_broken_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        (await App.SendAsync(clinic.Manager, new GetPatientChartQuery(clinic.PatientId))).Ok();
        var intact = new StringWriter();
        var intactExit = await AuditTrailCheck.RunAsync(App.Services, intact, TestContext.Current.CancellationToken);

        await TamperAsync(clinic.Id, "UPDATE audit_events SET client_address = '10.6.6.6' WHERE clinic_id = @clinic AND sequence = 2");

        var broken = new StringWriter();
        var brokenExit = await AuditTrailCheck.RunAsync(App.Services, broken, TestContext.Current.CancellationToken);

        // Other tests' clinics share the table (and some of their chains were broken on purpose), so
        // only this clinic's line tells; the exit code speaks for all of them.
        intact.ToString().ShouldContain($"intact  Northside Physio ({clinic.Id})");
        intactExit.ShouldBeOneOf(0, AuditTrailCheck.BrokenExitCode);
        brokenExit.ShouldBe(AuditTrailCheck.BrokenExitCode);
        broken.ToString().ShouldContain($"BROKEN  Northside Physio ({clinic.Id}): at event 2");
    }

    [Fact]
    public async Task A_managers_patient_history_is_filtered_by_action_staff_member_and_dates()
    {
        var clinic = await TestClinic.CreateAsync(App);
        (await App.SendAsync(clinic.Therapist, new GetPatientChartQuery(clinic.PatientId))).Ok();
        (await App.SendAsync(clinic.Desk, new GetPatientQuery(clinic.PatientId))).Ok();

        var all = (await App.SendAsync(clinic.Manager, new GetPatientAuditHistoryQuery(clinic.PatientId))).Ok();
        var reads = (await App.SendAsync(clinic.Manager, new GetPatientAuditHistoryQuery(clinic.PatientId, Action: AuditActions.Read))).Ok();
        var byTherapist = (await App.SendAsync(clinic.Manager,
            new GetPatientAuditHistoryQuery(clinic.PatientId, StaffMemberId: TestClinic.IdOf(clinic.Therapist)))).Ok();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var future = (await App.SendAsync(clinic.Manager, new GetPatientAuditHistoryQuery(clinic.PatientId, From: tomorrow))).Ok();

        all.Events.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Descending);
        all.Events.ShouldContain(e => e.Description == "Opened the chart" && e.Actor == "Maya Lindqvist");
        reads.Events.ShouldAllBe(e => e.Action == AuditActions.Read);
        reads.Events.ShouldContain(e => e.Description == "Looked at this audit history");
        byTherapist.Events.ShouldAllBe(e => e.Actor == "Maya Lindqvist");
        byTherapist.TotalCount.ShouldBe(1);
        future.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_history_with_an_end_before_its_start_is_refused_with_a_field_message()
    {
        var clinic = await TestClinic.CreateAsync(App);

        var refused = await App.SendAsync(clinic.Manager,
            new GetPatientAuditHistoryQuery(clinic.PatientId, From: new DateOnly(2026, 5, 2), To: new DateOnly(2026, 5, 1)));

        refused.Failed(ErrorKind.Validation).For("To").ShouldBe("The end date must be on or after the start date.");
    }

    /// <summary>
    /// What only a database superuser could do, with the triggers off (the app's role may not switch
    /// them off): <paramref name="sql"/> with @clinic bound to the clinic.
    /// </summary>
    private async Task TamperAsync(Guid clinicId, string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.AdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var batch = new NpgsqlCommand($"SET session_replication_role = replica; {sql}; RESET session_replication_role;", connection);
        batch.Parameters.AddWithValue("clinic", clinicId);
        await batch.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private Task<List<AuditEvent>> RowsAsync(Guid clinicId) =>
        App.ReadAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(e => e.ClinicId == clinicId).OrderBy(e => e.Sequence).ToListAsync());
}
