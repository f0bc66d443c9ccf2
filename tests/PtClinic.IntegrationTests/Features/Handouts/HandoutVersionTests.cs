using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Application.Features.Plans;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Security;
using PtClinic.Tests.Shared;

namespace PtClinic.IntegrationTests.Features.Handouts;

/// <summary>Issuing a plan's home program as a handout: the versions, what they print, and that nothing changes them.</summary>
public sealed class HandoutVersionTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = ScenarioClinic.Today;

    private static readonly PlanInput HomePlan = ScenarioClinic.ReadyPlan with
    {
        Goals =
        [
            new GoalInput("after 30 min sitting", OutcomeMeasure.Nprs, GoalComparison.AtMost, 2, Today.AddDays(28)),
            new GoalInput("Walk the dog for 30 minutes without pain", null, null, null, Today.AddDays(42)),
        ],
        Items =
        [
            new PlanItemInput(PlanSetting.InClinic, InterventionCatalog.TriggerPointRelease, HoldSeconds: 30, Notes: "Biceps femoris, left"),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.GluteBridge, Sets: 3, Reps: 10, TimesPerDay: 2, DaysPerWeek: 5),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.HamstringStretchSupineStrap, Sets: 3, HoldSeconds: 30, TimesPerDay: 2, DaysPerWeek: 7),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.ColdTherapy, MinutesOn: 10, MinutesOff: 15, Notes: "<b>After</b> a long run <script>alert(1)</script>"),
            new PlanItemInput(PlanSetting.Home, InterventionCatalog.BallTriggerPointRelease, HoldSeconds: 30, TimesPerDay: 1, DaysPerWeek: 5),
        ],
    };

    [Fact]
    public async Task Issuing_prints_the_signed_plans_home_program_and_keeps_it_as_version_1()
    {
        var clinic = await TestClinic.CreateAsync(App);
        await ClinicPrintsAsync(clinic, "0117 496 0321", PaperSize.UsLetter);
        var admin = await clinic.AddStaffAsync("Ada Brennan", StaffRoles.Admin);
        var bridge = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><path d="M2 18 Q20 2 38 18" fill="none" stroke="#1f4e79" stroke-width="3"/></svg>""");
        (await App.SendAsync(admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, bridge))).Ok();
        var (episodeId, planId) = await SignedAsync(clinic, HomePlan);

        var issued = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Ok();

        issued.Number.ShouldBe(1);
        issued.IsNew.ShouldBeTrue();
        var pdf = (await App.SendAsync(clinic.Therapist, new GetHandoutPdfQuery(episodeId, issued.VersionId))).Ok();
        pdf.FileName.ShouldBe("home-program-ellen-marsh-v1.pdf");
        var text = Poppler.Text(pdf.Content);
        text.ShouldContain("Ellen Marsh");
        text.ShouldContain("Glute bridge");
        text.ShouldContain("3 sets of 10, twice a day, 5 days a week");
        text.ShouldContain("hold 30 seconds");
        text.ShouldContain("10 minutes on, 15 minutes off");
        text.ShouldContain("Self-release with a ball");
        text.ShouldContain("Pain no more than 2 out of 10 after 30 min sitting");
        text.ShouldContain("Walk the dog for 30 minutes without pain");
        text.ShouldContain("call the clinic on 0117 496 0321 if your pain sharply increases");
        text.ShouldContain("See a doctor if your pain persists");
        text.ShouldContain("A calf that is warm, swollen and painful");
        text.ShouldContain("<b>After</b> a long run <script>alert(1)</script>");
        text.ShouldContain($"Page 1 of {Poppler.Pages(pdf.Content)}");
        text.ShouldNotContain("Trigger-point release (clinician)");
        Poppler.Info(pdf.Content).ShouldContain("612 x 792 pts"); // US Letter, the clinic's setting

        var stored = await App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters().SingleAsync(v => v.Id == issued.VersionId));
        stored.PlanId.ShouldBe(planId);
        stored.ItemCount.ShouldBe(4);
        stored.PdfSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf.Content)));
        var snapshot = HandoutSnapshot.Deserialize(stored.Snapshot);
        snapshot.Items.Select(i => i.Code).ShouldBe([InterventionCatalog.GluteBridge, InterventionCatalog.HamstringStretchSupineStrap,
            InterventionCatalog.ColdTherapy, InterventionCatalog.BallTriggerPointRelease]);
        snapshot.Items.ShouldAllBe(i => i.Illustration != null && i.Steps.Count > 0);
        // The clinic's own picture for the bridge; the drawings made for the others.
        snapshot.Items[0].Illustration!.Data.ShouldBe(bridge);
        snapshot.Items[1].Illustration!.Hash.ShouldBe(HandoutIllustrations.Default(InterventionCatalog.HamstringStretchSupineStrap)!.Hash);
        snapshot.Patient.DateOfBirth.ShouldNotBe(default);
        snapshot.Paper.ShouldBe(PaperSize.UsLetter);
    }

    [Fact]
    public async Task Issuing_again_without_a_revision_gives_the_same_version_and_a_revision_makes_version_2()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, planId) = await SignedAsync(clinic, HomePlan);
        var first = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Ok();
        var firstPdf = (await App.SendAsync(clinic.Therapist, new GetHandoutPdfQuery(episodeId, first.VersionId))).Ok().Content;

        var again = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Ok();
        again.ShouldBe(first with { IsNew = false });

        var revision = (await App.SendAsync(clinic.Therapist, new ReviseSignedPlanCommand(episodeId, planId))).Ok();
        var saved = (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, revision.PlanId, revision.Version, HomePlan with
        {
            Items = [.. HomePlan.Items, new PlanItemInput(PlanSetting.Home, InterventionCatalog.DonkeyKick, Sets: 2, Reps: 12, TimesPerDay: 1, DaysPerWeek: 3)],
        }))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, saved.PlanId, saved.Version, Today, null))).Ok();
        var second = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Ok();

        second.Number.ShouldBe(2);
        var versions = (await App.SendAsync(clinic.Manager, new ListHandoutVersionsQuery(episodeId))).Ok();
        versions.Select(v => (v.Number, v.PlanNumber, v.IsHeld, v.ItemCount)).ShouldBe([(2, 2, true, 5), (1, 1, false, 4)]);
        Poppler.Text((await App.SendAsync(clinic.Therapist, new GetHandoutPdfQuery(episodeId, second.VersionId))).Ok().Content).ShouldContain("Donkey kick");
        // Version 1 is still what the patient was given first, byte for byte.
        (await App.SendAsync(clinic.Therapist, new GetHandoutPdfQuery(episodeId, first.VersionId))).Ok().Content.ShouldBe(firstPdf);

        // Large print is a handout of its own: the next version, at 14 pt.
        var large = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: true))).Ok();
        large.Number.ShouldBe(3);
        HandoutSnapshot.Deserialize(await App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters()
            .Where(v => v.Id == large.VersionId).Select(v => v.Snapshot).SingleAsync())).LargePrint.ShouldBeTrue();

        // The episode says which one the patient holds.
        var episode = (await App.SendAsync(clinic.Therapist, new ListPatientEpisodesQuery(clinic.PatientId))).Ok().Single(e => e.Id == episodeId);
        episode.Plan!.HandoutHeld.ShouldBe(3);
    }

    [Fact]
    public async Task A_plan_not_signed_or_without_a_home_program_has_no_handout_to_issue()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var started = (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(episodeId, Today))).Ok();

        var unsigned = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Failed(ErrorKind.Rule);
        unsigned.Message.ShouldBe("Sign the plan of care first: a handout prints the signed plan's home program.");

        var (clinicOnly, _) = await SignedAsync(clinic, HomePlan with { Items = [HomePlan.Items[0]] });
        var noHome = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(clinicOnly, LargePrint: false))).Failed(ErrorKind.Rule);
        noHome.Message.ShouldStartWith("This plan of care has no home program to print");

        // The draft can be previewed before it is signed; nothing is kept.
        var saved = (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, started.PlanId, started.Version, HomePlan))).Ok();
        var preview = (await App.SendAsync(clinic.Therapist, new PreviewHandoutQuery(episodeId, saved.PlanId, LargePrint: false))).Ok();
        Poppler.Text(preview.Content).ShouldContain("Glute bridge");
        (await App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters().CountAsync(v => v.EpisodeId == episodeId))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_clinics_handout_is_not_found_and_cannot_be_issued()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var other = await TestClinic.CreateAsync(App, "Southside Physio");
        var (episodeId, planId) = await SignedAsync(clinic, HomePlan);
        var issued = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Ok();

        (await App.SendAsync(other.Therapist, new GetHandoutPdfQuery(episodeId, issued.VersionId))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(other.Manager, new ListHandoutVersionsQuery(episodeId))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(other.Therapist, new PreviewHandoutQuery(episodeId, planId, LargePrint: false))).Failed(ErrorKind.NotFound);
        (await App.SendAsync(other.Therapist, new IssueHandoutCommand(episodeId, LargePrint: true))).Failed(ErrorKind.NotFound);
        // A version id under another of the clinic's own episodes is not found either.
        var otherEpisode = await clinic.OpenEpisodeAsync();
        (await App.SendAsync(clinic.Therapist, new GetHandoutPdfQuery(otherEpisode, issued.VersionId))).Failed(ErrorKind.NotFound);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_issued_handout()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, _) = await SignedAsync(clinic, HomePlan);
        var issued = (await App.SendAsync(clinic.Therapist, new IssueHandoutCommand(episodeId, LargePrint: false))).Ok();

        // The app's own role has no UPDATE or DELETE on the table at all...
        foreach (var sql in new[] { "UPDATE handout_versions SET pdf = '\\x00' WHERE id = @id", "DELETE FROM handout_versions WHERE id = @id" })
        {
            await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", issued.VersionId);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }

        // ...and were it granted by mistake, the trigger still refuses.
        foreach (var sql in new[] { "UPDATE handout_versions SET number = 7 WHERE id = @id", "DELETE FROM handout_versions WHERE id = @id" })
        {
            await using var connection = new NpgsqlConnection(App.Database.AdminConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var grant = new NpgsqlCommand($"GRANT UPDATE, DELETE ON handout_versions TO \"{App.Database.RuntimeRole}\"; SET ROLE \"{App.Database.RuntimeRole}\"", connection, transaction))
            {
                await grant.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("id", issued.VersionId);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            refused.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation, sql);
            refused.MessageText.ShouldContain("was issued and cannot be changed");
        }

        (await App.ReadAsync(db => db.HandoutVersions.IgnoreQueryFilters().CountAsync(v => v.Id == issued.VersionId && v.Number == 1))).ShouldBe(1);
    }

    /// <summary>The clinic's phone and paper, as an admin would set them on the settings page.</summary>
    private async Task ClinicPrintsAsync(TestClinic clinic, string phone, PaperSize paper)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("UPDATE clinics SET phone = @phone, paper_size = @paper WHERE id = @id", connection);
        command.Parameters.AddWithValue("phone", phone);
        command.Parameters.AddWithValue("paper", paper.ToString());
        command.Parameters.AddWithValue("id", clinic.Id);
        (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    private async Task<(Guid EpisodeId, Guid PlanId)> SignedAsync(TestClinic clinic, PlanInput plan)
    {
        var episodeId = await clinic.OpenEpisodeAsync();
        var started = (await App.SendAsync(clinic.Therapist, new StartPlanOfCareCommand(episodeId, Today))).Ok();
        var saved = (await App.SendAsync(clinic.Therapist, new SavePlanDraftCommand(episodeId, started.PlanId, started.Version, plan))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignPlanOfCareCommand(episodeId, saved.PlanId, saved.Version, Today, null))).Ok();
        return (episodeId, saved.PlanId);
    }
}
