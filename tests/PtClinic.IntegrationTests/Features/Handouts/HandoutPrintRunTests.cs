using System.Security.Claims;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Treatment;
using PtClinic.Infrastructure.Jobs;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Security;
using PtClinic.Tests.Shared;

namespace PtClinic.IntegrationTests.Features.Handouts;

/// <summary>"Print today's handouts": the run, its job, and that a job run again issues nothing twice.</summary>
public sealed class HandoutPrintRunTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = ScenarioClinic.Today;

    [Fact]
    public async Task A_run_prints_each_of_todays_patients_with_a_signed_home_program_once_in_one_pdf()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var ellen = await TodayWithSignedPlanAsync(clinic, clinic.PatientId);
        var noor = await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Noor", "Haddad"), TwoExercises);
        var otto = await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Otto", "Lind"));
        // Not printed: a plan still a draft, a cancelled visit, a colleague's patient.
        var draftOnly = await clinic.OpenEpisodeAsync(await PatientAsync(clinic, "Dora", "Draft"));
        (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(draftOnly, Today))).Ok();
        await clinic.ScheduleVisitAsync(draftOnly, DateTimeOffset.UtcNow);
        var cancelled = await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Carl", "Cancel"));
        var cancelledVisit = (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().SingleAsync(v => v.EpisodeId == cancelled))).Id;
        (await App.SendAsync(clinic.Desk, new CancelVisitCommand(cancelledVisit, "Patient unwell"))).Ok();
        await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Cora", "Colleague"), therapist: clinic.OtherTherapist);

        var started = (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).Ok();
        started.Total.ShouldBe(3);
        var queued = (await App.SendAsync(clinic.Therapist, new GetHandoutPrintRunQuery(started.RunId))).Ok();
        (queued.Status, queued.Done, queued.Total).ShouldBe((HandoutPrintRunStatus.Queued, 0, 3));
        (await App.SendAsync(clinic.Therapist, new GetHandoutPrintRunPdfQuery(started.RunId))).Failed(ErrorKind.Rule)
            .Message.ShouldBe("The handouts are still printing; the PDF is ready when all of them are.");

        var finished = await RunJobAsync(clinic, started.RunId);

        finished.ShouldNotBeNull();
        (finished.Status, finished.Done, finished.Total).ShouldBe((HandoutPrintRunStatus.Done, 3, 3));
        finished.PrintedFor.ShouldBe(["Ellen Marsh", "Noor Haddad", "Otto Lind"]);
        var versions = await VersionsAsync(ellen, noor, otto);
        versions.Select(v => v.EpisodeId).ShouldBe([ellen, noor, otto], ignoreOrder: true);
        (await App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters().CountAsync())).ShouldBe(3);
        var pdf = (await App.SendAsync(clinic.Therapist, new GetHandoutPrintRunPdfQuery(started.RunId))).Ok();
        pdf.FileName.ShouldBe($"handouts-{Today:yyyy-MM-dd}.pdf");
        Poppler.Pages(pdf.Content).ShouldBe(versions.Sum(v => Poppler.Pages(v.Pdf)));
        var text = Poppler.Text(pdf.Content);
        text.IndexOf("Ellen Marsh", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Noor Haddad", StringComparison.Ordinal));
        text.IndexOf("Noor Haddad", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Otto Lind", StringComparison.Ordinal));
        text.ShouldNotContain("Dora Draft");
        text.ShouldNotContain("Carl Cancel");
        text.ShouldNotContain("Cora Colleague");
        // Each handout numbered on its own: one first page each.
        Regex.Count(text, @"Page 1 of \d+").ShouldBe(3);
    }

    [Fact]
    public async Task A_job_run_again_after_a_crash_goes_on_from_the_first_unprinted_handout_and_issues_none_twice()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodes = new[]
        {
            await TodayWithSignedPlanAsync(clinic, clinic.PatientId),
            await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Noor", "Haddad"), TwoExercises),
            await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Otto", "Lind")),
        };
        var runId = (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).Ok().RunId;

        // The job's first two steps, then its process dies: nothing else of it runs.
        (await App.SendAsync(clinic.Therapist, new PrintRunStepCommand(runId))).Ok().Done.ShouldBe(1);
        var halfway = (await App.SendAsync(clinic.Therapist, new PrintRunStepCommand(runId))).Ok();
        (halfway.Status, halfway.Done).ShouldBe((HandoutPrintRunStatus.Running, 2));
        halfway.PrintedFor.ShouldBe(["Ellen Marsh", "Noor Haddad"]);
        var issuedBefore = await VersionsAsync(episodes);
        issuedBefore.Count.ShouldBe(2);

        // Hangfire fetches the job again: a new scope, a new job instance.
        var finished = await RunJobAsync(clinic, runId);

        finished!.Status.ShouldBe(HandoutPrintRunStatus.Done);
        finished.PrintedFor.ShouldBe(["Ellen Marsh", "Noor Haddad", "Otto Lind"]);
        var versions = await VersionsAsync(episodes);
        versions.GroupBy(v => v.EpisodeId).ShouldAllBe(g => g.Count() == 1);
        versions.Count.ShouldBe(3);
        issuedBefore.Select(v => v.Id).ShouldAllBe(id => versions.Any(v => v.Id == id));
        var items = await App.ReadAsync(db => db.HandoutPrintRuns.IgnoreQueryFilters().Where(r => r.Id == runId).SelectMany(r => r.Items).ToListAsync());
        items.OrderBy(i => i.Position).Select(i => i.EpisodeId).ShouldBe(episodes);
        items.Select(i => i.VersionId!.Value).ShouldBe(versions.Select(v => v.Id), ignoreOrder: true);

        var pdf = (await App.SendAsync(clinic.Therapist, new GetHandoutPrintRunPdfQuery(runId))).Ok().Content;
        var text = Poppler.Text(pdf);
        foreach (var (name, version) in new[] { "Ellen Marsh", "Noor Haddad", "Otto Lind" }.Zip(versions.OrderBy(v => Array.IndexOf(episodes, v.EpisodeId))))
        {
            // Each patient's handout once: their name as often as their own handout prints it.
            Regex.Count(text, name).ShouldBe(Regex.Count(Poppler.Text(version.Pdf), name), name);
        }

        Poppler.Pages(pdf).ShouldBe(versions.Sum(v => Poppler.Pages(v.Pdf)));

        // Run yet again (a duplicate fetch after it finished): nothing changes.
        (await RunJobAsync(clinic, runId))!.Status.ShouldBe(HandoutPrintRunStatus.Done);
        (await VersionsAsync(episodes)).Count.ShouldBe(3);
        (await App.SendAsync(clinic.Therapist, new GetHandoutPrintRunPdfQuery(runId))).Ok().Content.ShouldBe(pdf);
    }

    [Fact]
    public async Task A_patient_who_already_holds_the_plans_handout_gets_that_version_not_a_new_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var ellen = await TodayWithSignedPlanAsync(clinic, clinic.PatientId);
        var noor = await TodayWithSignedPlanAsync(clinic, await PatientAsync(clinic, "Noor", "Haddad"));
        var held = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(ellen, LargePrint: true))).Ok();
        var runId = (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: true))).Ok().RunId;

        (await RunJobAsync(clinic, runId))!.Done.ShouldBe(2);

        var versions = await VersionsAsync(ellen, noor);
        versions.Count(v => v.EpisodeId == ellen).ShouldBe(1);
        versions.Single(v => v.EpisodeId == ellen).Id.ShouldBe(held.VersionId);
        HandoutSnapshot.Deserialize(versions.Single(v => v.EpisodeId == noor).Snapshot).LargePrint.ShouldBeTrue();
        var items = await App.ReadAsync(db => db.HandoutPrintRuns.IgnoreQueryFilters().Where(r => r.Id == runId).SelectMany(r => r.Items).ToListAsync());
        items.Single(i => i.EpisodeId == ellen).VersionId.ShouldBe(held.VersionId);
    }

    [Fact]
    public async Task Only_the_therapist_who_started_a_run_can_read_it()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var other = await TestClinic.CreateAsync(App, "Southside Physio");
        await TodayWithSignedPlanAsync(clinic, clinic.PatientId);
        var runId = (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).Ok().RunId;
        await RunJobAsync(clinic, runId);

        foreach (var stranger in new[] { clinic.OtherTherapist, other.Therapist })
        {
            (await App.SendAsync(stranger, new GetHandoutPrintRunQuery(runId))).Failed(ErrorKind.NotFound);
            (await App.SendAsync(stranger, new GetHandoutPrintRunPdfQuery(runId))).Failed(ErrorKind.NotFound);
            (await App.SendAsync(stranger, new PrintRunStepCommand(runId))).Failed(ErrorKind.NotFound);
            (await App.SendAsync(stranger, new FailHandoutPrintRunCommand(runId))).Failed(ErrorKind.NotFound);
        }

        (await App.SendAsync(clinic.Desk, new GetHandoutPrintRunQuery(runId))).Failed(ErrorKind.Forbidden);
        (await App.SendAsync(clinic.Therapist, new GetHandoutPrintRunQuery(runId))).Ok().Status.ShouldBe(HandoutPrintRunStatus.Done);
    }

    [Fact]
    public async Task Starting_with_nothing_to_print_says_so_and_keeps_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);

        (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).Failed(ErrorKind.Rule)
            .Message.ShouldBe("You have no visits today, so there are no handouts to print.");

        var episode = await clinic.OpenEpisodeAsync();
        await clinic.ScheduleVisitAsync(episode, DateTimeOffset.UtcNow);
        await SignAsync(clinic, episode, ScenarioClinic.ReadyPlan with { Items = [new PlanItemInput(PlanSetting.InClinic, InterventionCatalog.TriggerPointRelease, HoldSeconds: 30)] });
        (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).Failed(ErrorKind.Rule)
            .Message.ShouldBe("None of today's patients has a signed plan of care with a home program, so there are no handouts to print.");
        (await App.ReadAsync(db => db.HandoutPrintRuns.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Starting_queues_the_job_with_the_run_and_who_asked_and_a_run_given_up_on_says_so()
    {
        var clinic = await TestClinic.CreateAsync(App);
        await TodayWithSignedPlanAsync(clinic, clinic.PatientId);

        var runId = (await App.SendAsync(clinic.Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).Ok().RunId;

        var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var job = monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Value.Job)
            .Single(j => j.Type == typeof(HandoutPrintRunJob) && (Guid)j.Args[0] == runId);
        job.Method.Name.ShouldBe(nameof(HandoutPrintRunJob.RunAsync));
        ((Guid)job.Args[1], (Guid)job.Args[2]).ShouldBe((clinic.Id, TestClinic.IdOf(clinic.Therapist)));

        var failed = (await App.SendAsync(clinic.Therapist, new FailHandoutPrintRunCommand(runId))).Ok();
        (failed.Status, failed.Failure).ShouldBe((HandoutPrintRunStatus.Failed, FailHandoutPrintRunHandler.Reason));
        // A step of a run given up on prints nothing more.
        (await App.SendAsync(clinic.Therapist, new PrintRunStepCommand(runId))).Ok().Status.ShouldBe(HandoutPrintRunStatus.Failed);
        (await App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters().CountAsync())).ShouldBe(0);
    }

    private static readonly PlanInput TwoExercises = ScenarioClinic.ReadyPlan with
    {
        Items =
        [
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.GluteBridge, Sets: 3, Reps: 10, TimesPerDay: 2, DaysPerWeek: 5),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.HamstringStretchSupineStrap, Sets: 3, HoldSeconds: 30, TimesPerDay: 2, DaysPerWeek: 7),
        ],
    };

    /// <summary>The job as Hangfire runs it, in a scope of its own, to its end.</summary>
    private async Task<HandoutPrintRunDto?> RunJobAsync(TestClinic clinic, Guid runId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<HandoutPrintRunJob>();
        return await job.RunAsync(runId, clinic.Id, TestClinic.IdOf(clinic.Therapist), null, TestContext.Current.CancellationToken);
    }

    private Task<List<HandoutVersion>> VersionsAsync(params Guid[] episodeIds) =>
        App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters().Where(v => episodeIds.Contains(v.EpisodeId)).ToListAsync());

    private async Task<Guid> PatientAsync(TestClinic clinic, string given, string family) =>
        (await App.SendAsync(clinic.Desk, new RegisterPatientCommand(given, family, new DateOnly(1980, 5, 5), Sex.Female))).Ok();

    /// <summary>An episode of the patient with a signed plan, and a visit of it now with the therapist.</summary>
    private async Task<Guid> TodayWithSignedPlanAsync(TestClinic clinic, Guid patientId, PlanInput? plan = null, ClaimsPrincipal? therapist = null)
    {
        var episodeId = await clinic.OpenEpisodeAsync(patientId, therapist);
        await SignAsync(clinic, episodeId, plan ?? ScenarioClinic.ReadyPlan, therapist);
        await clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow, therapist);
        return episodeId;
    }

    private async Task SignAsync(TestClinic clinic, Guid episodeId, PlanInput plan, ClaimsPrincipal? therapist = null)
    {
        var by = therapist ?? clinic.Therapist;
        var started = (await App.SendAsync(by, new StartPlanOfCareCommand(episodeId, Today))).Ok();
        var saved = (await App.SendAsync(by, new SavePlanDraftCommand(episodeId, started.PlanId, started.Version, plan))).Ok();
        (await App.SendAsync(by, new SignPlanOfCareCommand(episodeId, saved.PlanId, saved.Version, Today, null))).Ok();
    }
}
