using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Compliance;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Visits;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Jobs;
using PtClinic.Infrastructure.Persistence;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.Web;

namespace PtClinic.IntegrationTests.Infrastructure;

/// <summary>Work with nobody signed in: as a clinic's system actor, or as one of its staff.</summary>
public sealed class BackgroundWorkTests(AppFixture app) : IntegrationTest(app)
{
    private IClinicOperationRunner Runner => App.Services.GetRequiredService<IClinicOperationRunner>();

    [Fact]
    public async Task Work_running_as_clinic_A_reads_no_patient_episode_visit_or_note_of_clinic_B()
    {
        var a = await TestClinic.CreateAsync(App, "Northside Physio");
        var b = await TestClinic.CreateAsync(App, "Southside Physio");
        await a.SignedVisitAsync();
        await b.SignedVisitAsync();
        var (_, theirDraft) = await b.CheckedInVisitAsync();
        (await App.SendAsync(b.Therapist, new SaveNoteDraftCommand(theirDraft, null, "Theirs", null, null, null))).Ok();

        var seen = new Dictionary<string, List<Guid>>();
        await Runner.RunAsync(ClinicActor.SystemOf(a.Id), async (services, ct) =>
        {
            var db = services.GetRequiredService<IAppDbContext>();
            seen["clinics"] = await db.Clinics.Select(c => c.Id).ToListAsync(ct);
            seen["patients"] = await db.Patients.Select(p => p.ClinicId).ToListAsync(ct);
            seen["episodes"] = await db.Episodes.Select(e => e.ClinicId).ToListAsync(ct);
            seen["visits"] = await db.Visits.Select(v => v.ClinicId).ToListAsync(ct);
            seen["notes"] = await db.VisitNotes.Select(n => n.ClinicId).ToListAsync(ct);
        }, TestContext.Current.CancellationToken);

        seen.ShouldAllBe(rows => rows.Value.Count > 0 && rows.Value.All(clinic => clinic == a.Id));
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync(n => n.ClinicId == b.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task The_system_may_send_only_the_messages_that_name_it_and_writes_nothing_else()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var system = ClinicActor.SystemOf(clinic.Id);
        var ct = TestContext.Current.CancellationToken;

        var count = await Runner.SendAsync(system, new CountOverdueNotesQuery(), ct);
        var readPatient = await Runner.SendAsync(system, new GetPatientQuery(clinic.PatientId), ct);
        var listStaff = await Runner.SendAsync(system, new ListStaffQuery(), ct);
        var writeNote = await Runner.SendAsync(system, new SaveNoteDraftCommand(visitId, null, "Written by nobody", null, null, null), ct);

        count.Ok().Count.ShouldBe(0);
        readPatient.Failed(ErrorKind.Forbidden);
        listStaff.Failed(ErrorKind.Forbidden);
        writeNote.Failed(ErrorKind.Forbidden);
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_staff_actor_works_with_their_own_name_and_roles_and_only_in_their_clinic()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var (_, theirVisit) = await elsewhere.CheckedInVisitAsync();
        var therapist = ClinicActor.StaffOf(clinic.Id, TestClinic.IdOf(clinic.Therapist));
        var ct = TestContext.Current.CancellationToken;

        var saved = await Runner.SendAsync(therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the knee", null, null, null), ct);
        var theirs = await Runner.SendAsync(therapist, new GetVisitNoteQuery(theirVisit), ct);
        var asDesk = await Runner.SendAsync(ClinicActor.StaffOf(clinic.Id, TestClinic.IdOf(clinic.Desk)),
            new SaveNoteDraftCommand(visitId, saved.Value.Version, "Desk", null, null, null), ct);
        var notTheirClinic = () => Runner.SendAsync(ClinicActor.StaffOf(elsewhere.Id, TestClinic.IdOf(clinic.Therapist)), new GetVisitNoteQuery(theirVisit), ct);

        saved.Ok();
        (await clinic.NoteAsync(visitId)).LastEditedBy.ShouldBe("Maya Lindqvist");
        theirs.Failed(ErrorKind.NotFound);
        asDesk.Failed(ErrorKind.Forbidden);
        await Should.ThrowAsync<InvalidOperationException>(notTheirClinic);
        (await clinic.NoteAsync(visitId)).Subjective.ShouldBe("Tight behind the knee");
    }

    [Fact]
    public async Task Every_message_is_logged_with_its_actor_and_clinic()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var logs = new CapturedLogs();
        await using var services = ServicesLoggingTo(logs);
        var runner = services.GetRequiredService<IClinicOperationRunner>();
        var ct = TestContext.Current.CancellationToken;

        (await runner.SendAsync(ClinicActor.SystemOf(clinic.Id), new CountOverdueNotesQuery(), ct)).Ok();
        (await runner.SendAsync(ClinicActor.StaffOf(clinic.Id, TestClinic.IdOf(clinic.Manager)), new CountOverdueNotesQuery(), ct)).Ok();
        await runner.SendAsync(ClinicActor.SystemOf(clinic.Id), new GetPatientQuery(clinic.PatientId), ct);

        var logged = logs.Lines.Where(l => l.Category.Contains("LoggingBehaviour", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        logged.Count.ShouldBe(3);
        logged[0].ShouldStartWith($"CountOverdueNotesQuery by system (null) of clinic {clinic.Id} succeeded in");
        logged[1].ShouldStartWith($"CountOverdueNotesQuery by user {TestClinic.IdOf(clinic.Manager)} of clinic {clinic.Id} succeeded in");
        logged[2].ShouldStartWith($"GetPatientQuery by system (null) of clinic {clinic.Id} failed with Forbidden in");
    }

    [Fact]
    public async Task The_unsigned_notes_report_counts_each_clinics_notes_left_unsigned_more_than_24_hours_after_the_visit()
    {
        var a = await TestClinic.CreateAsync(App, "Northside Physio");
        var b = await TestClinic.CreateAsync(App, "Southside Physio");
        var now = DateTimeOffset.UtcNow;
        var (_, draftTwoDaysOld) = await a.CheckedInVisitAsync(startsAt: now.AddDays(-2));
        (await App.SendAsync(a.Therapist, new SaveNoteDraftCommand(draftTwoDaysOld, null, "Tight", null, null, null))).Ok();
        await a.CheckedInVisitAsync(startsAt: now.AddDays(-3)); // never written: unsigned too
        await a.CheckedInVisitAsync(startsAt: now.AddHours(-1)); // still within the day
        await a.SignedVisitAsync(now.AddDays(-5));
        await b.CheckedInVisitAsync(startsAt: now.AddDays(-4));
        var logs = new CapturedLogs();

        IReadOnlyList<ClinicOverdueNotes> report;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var job = new UnsignedNotesReportJob(
                scope.ServiceProvider.GetRequiredService<AppDbContext>(), Runner, logs.CreateLogger<UnsignedNotesReportJob>());
            report = await job.RunAsync(TestContext.Current.CancellationToken);
        }

        report.Select(r => (r.ClinicId, r.Count)).ShouldBe([(a.Id, 2), (b.Id, 1)], ignoreOrder: true);
        report.Single(r => r.ClinicId == a.Id).OldestVisitStartsAt!.Value.ShouldBe(now.AddDays(-3), TimeSpan.FromMilliseconds(1));
        var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        warnings.ShouldContain(m => m.StartsWith($"Clinic {a.Id} has 2 visit notes left unsigned for more than 24 hours", StringComparison.Ordinal));
        warnings.ShouldContain(m => m.StartsWith($"Clinic {b.Id} has 1 visit notes left unsigned for more than 24 hours", StringComparison.Ordinal));
    }

    [Fact]
    public void The_unsigned_notes_report_is_scheduled_hourly()
    {
        RecurringJobs.Schedule(App.Services.GetRequiredService<IRecurringJobManager>());

        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == UnsignedNotesReportJob.RecurringJobId);

        job.Cron.ShouldBe(Cron.Hourly());
        job.Job.Type.ShouldBe(typeof(UnsignedNotesReportJob));
        job.Job.Method.Name.ShouldBe(nameof(UnsignedNotesReportJob.RunAsync));
    }

    [Fact]
    public async Task The_nightly_outcomes_check_corrects_each_clinics_rows_and_warns_naming_the_clinic_and_count()
    {
        var a = await TestClinic.CreateAsync(App, "Northside Physio");
        var b = await TestClinic.CreateAsync(App, "Southside Physio");
        var (episodeId, _) = await a.SignedVisitAsync();
        await b.SignedVisitAsync();
        await using (var owner = new Npgsql.NpgsqlConnection(App.Database.OwnerConnectionString))
        {
            await owner.OpenAsync(TestContext.Current.CancellationToken);
            await using var tamper = new Npgsql.NpgsqlCommand($"UPDATE episode_outcomes SET visits_signed = 0 WHERE episode_id = '{episodeId}'", owner);
            await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var logs = new CapturedLogs();
        IReadOnlyList<ClinicOutcomeCorrections> report;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var job = new EpisodeOutcomesCheckJob(
                scope.ServiceProvider.GetRequiredService<AppDbContext>(), Runner, logs.CreateLogger<EpisodeOutcomesCheckJob>());
            report = await job.RunAsync(TestContext.Current.CancellationToken);
        }

        report.Select(r => (r.ClinicId, r.Corrected)).ShouldBe([(a.Id, 1), (b.Id, 0)], ignoreOrder: true);
        var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        warnings.ShouldBe([$"Clinic {a.Id}: the nightly check corrected 1 episode outcome rows that differed from the records"]);
    }

    [Fact]
    public void The_outcomes_check_is_scheduled_nightly()
    {
        RecurringJobs.Schedule(App.Services.GetRequiredService<IRecurringJobManager>());

        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == EpisodeOutcomesCheckJob.RecurringJobId);

        job.Cron.ShouldBe(Cron.Daily(3));
        job.Job.Type.ShouldBe(typeof(EpisodeOutcomesCheckJob));
    }

    /// <summary>The app's services as the fixture builds them, logging everything to <paramref name="logs"/>.</summary>
    private ServiceProvider ServicesLoggingTo(CapturedLogs logs)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddPtClinicCore(new InfrastructureOptions(App.Database.ConnectionString, RunJobServer: false));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
