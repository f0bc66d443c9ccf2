using System.Security.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Infrastructure.Identity;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Security;

/// <summary>
/// A seeded clinic (TestClinic: a desk, two therapists, a manager and a patient, plus an admin) with
/// the givens a scenario needs, each made by a role that may make it, so the message under test is
/// the only thing its actor sends.
/// </summary>
public sealed class ScenarioClinic
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static readonly KnotInput TenderKnot = new(7, 2.5m, 12, IsActive: true, LocalTwitchResponse: true, [ReferredPainArea.LowerLeg]);

    /// <summary>Long hours sitting: the reasoning suggests a sedentary lifestyle, so it can be decided.</summary>
    public static readonly FindingsInput DeskWorker = FindingsInput.Empty with { PainNow = 5, HoursSittingPerDay = 9 };

    private ScenarioClinic(AppFixture app, TestClinic clinic, ClaimsPrincipal admin)
    {
        App = app;
        Clinic = clinic;
        Admin = admin;
    }

    public AppFixture App { get; }

    public TestClinic Clinic { get; }

    public Guid Id => Clinic.Id;

    public Guid PatientId => Clinic.PatientId;

    public ClaimsPrincipal Desk => Clinic.Desk;

    /// <summary>The acting therapist: every episode and visit here is booked with them.</summary>
    public ClaimsPrincipal Therapist => Clinic.Therapist;

    public ClaimsPrincipal Admin { get; }

    /// <summary>A staff member the administration scenarios act on (not the actor).</summary>
    public Guid StaffMemberId => TestClinic.IdOf(Clinic.OtherTherapist);

    public static async Task<ScenarioClinic> CreateAsync(AppFixture app, string name = "Northside Physio")
    {
        var clinic = await TestClinic.CreateAsync(app, name);
        return new ScenarioClinic(app, clinic, await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin));
    }

    /// <summary>Who sends the message under test for a column of the table.</summary>
    public ClaimsPrincipal Actor(string role) => role switch
    {
        StaffRoles.Therapist => Clinic.Therapist,
        StaffRoles.ClinicManager => Clinic.Manager,
        StaffRoles.FrontDesk => Clinic.Desk,
        StaffRoles.Admin => Admin,
        StaffRoles.System => ClaimsCurrentUser.SystemOf(Id),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No such column"),
    };

    public Task<Guid> EpisodeAsync() => Clinic.OpenEpisodeAsync();

    public async Task<EpisodeDto> EpisodeDtoAsync(Guid? episodeId = null) => await Clinic.EpisodeAsync(episodeId ?? await EpisodeAsync());

    /// <summary>A visit booked five minutes ago, not checked in: it can be checked in, cancelled, covered or marked a no-show.</summary>
    public async Task<Guid> ScheduledVisitAsync() => await Clinic.ScheduleVisitAsync(await EpisodeAsync(), DateTimeOffset.UtcNow.AddHours(-1));

    public async Task<Guid> CheckedInVisitAsync() => (await Clinic.CheckedInVisitAsync()).VisitId;

    public async Task<Guid> SignedVisitAsync() => (await Clinic.SignedVisitAsync()).VisitId;

    /// <summary>An episode with a red flag (night pain) open on it, from a signed note an hour ago.</summary>
    public async Task<(Guid EpisodeId, Guid RedFlagId)> OpenRedFlagAsync()
    {
        var episodeId = await EpisodeAsync();
        await Features.Visits.GetVisitNoteTests.SignedVisitWithRedFlagsAsync(App, Clinic, episodeId, DateTimeOffset.UtcNow.AddHours(-1), RedFlag.NightPain);
        var flags = await OkAsync(Therapist, new GetEpisodeRedFlagsQuery(episodeId));
        return (episodeId, flags.Open.Single().Id);
    }

    public async Task<(Guid VisitId, uint Version)> DraftAsync()
    {
        var visitId = await CheckedInVisitAsync();
        var saved = await OkAsync(Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the left knee", null, null, null));
        return (visitId, saved.Version);
    }

    public async Task<(Guid VisitId, Guid KnotId, uint Version)> KnotAsync()
    {
        var visitId = await CheckedInVisitAsync();
        var added = await OkAsync(Therapist, new AddKnotFindingCommand(visitId, null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, TenderKnot));
        return (visitId, added.KnotId, added.Saved.Version);
    }

    /// <summary>A knot charted at a visit and the note signed: the site is tracked for the patient.</summary>
    public async Task<Guid> SignedKnotAsync()
    {
        var (visitId, _, _) = await KnotAsync();
        var saved = await OkAsync(Therapist, new SaveNoteDraftCommand(visitId, null, "Knot in the semitendinosus", null, null, null));
        (await App.SendAsync(Therapist, new SignVisitNoteCommand(visitId, saved.Version))).Ok();
        return visitId;
    }

    /// <summary>A follow-up visit, checked in, of a patient with a tracked knot site: it can say the knot is absent.</summary>
    public async Task<Guid> FollowUpOfKnotAsync()
    {
        await SignedKnotAsync();
        return await CheckedInVisitAsync();
    }

    public async Task<(Guid VisitId, uint Version)> AbsentKnotAsync()
    {
        var visitId = await FollowUpOfKnotAsync();
        var saved = await OkAsync(Therapist, new RecordKnotSiteAbsentCommand(visitId, null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird));
        return (visitId, saved.Version);
    }

    public async Task<(Guid VisitId, uint Version)> FindingsAsync(FindingsInput findings)
    {
        var visitId = await CheckedInVisitAsync();
        return (visitId, (await OkAsync(Therapist, new SaveFindingsCommand(visitId, null, findings))).Version);
    }

    public async Task<(Guid VisitId, uint Version)> OutcomeAsync()
    {
        var visitId = await CheckedInVisitAsync();
        return (visitId, (await OkAsync(Therapist, new RecordOutcomeCommand(visitId, null, OutcomeMeasure.Psfs, [3, 5, 4], ["Run 5 km", "Sit through a film", "Climb stairs"]))).Version);
    }

    /// <summary>A plan ready to sign: a goal, the frequency and one home exercise.</summary>
    public static PlanInput ReadyPlan => new()
    {
        StartsOn = Today,
        Problems = ["Hamstring pain when sitting"],
        Goals = [new GoalInput("after 30 min sitting", OutcomeMeasure.Nprs, GoalComparison.AtMost, 2, Today.AddDays(28))],
        VisitsPerWeek = 2,
        DurationWeeks = 6,
        Items = [new PlanItemInput(PlanSetting.Home, InterventionCatalog.GluteBridge, Sets: 3, Reps: 10, DaysPerWeek: 5)],
    };

    public async Task<(Guid EpisodeId, Guid PlanId, uint Version)> PlanDraftAsync()
    {
        var episodeId = await EpisodeAsync();
        var started = await OkAsync(Therapist, new StartPlanOfCareCommand(episodeId, Today));
        var saved = await OkAsync(Therapist, new SavePlanDraftCommand(episodeId, started.PlanId, started.Version, ReadyPlan));
        return (episodeId, saved.PlanId, saved.Version);
    }

    public async Task<(Guid EpisodeId, Guid PlanId)> SignedPlanAsync()
    {
        var (episodeId, planId, version) = await PlanDraftAsync();
        await OkAsync(Therapist, new SignPlanOfCareCommand(episodeId, planId, version, Today, null));
        return (episodeId, planId);
    }

    /// <summary>The signed plan's handout, issued: version 1 of the episode.</summary>
    public async Task<(Guid EpisodeId, Guid VersionId)> IssuedHandoutAsync()
    {
        var (episodeId, _) = await SignedPlanAsync();
        var issued = await OkAsync(Therapist, new IssueHandoutCommand(episodeId, LargePrint: false));
        return (episodeId, issued.VersionId);
    }

    /// <summary>A signed plan with a home program, a visit of its episode today with the therapist, and their print run of today's handouts started.</summary>
    public async Task<Guid> StartedPrintRunAsync()
    {
        var (episodeId, _) = await SignedPlanAsync();
        await Clinic.ScheduleVisitAsync(episodeId, DateTimeOffset.UtcNow);
        return (await OkAsync(Therapist, new StartHandoutPrintRunCommand(LargePrint: false))).RunId;
    }

    /// <summary>The print run, stepped through as its job would: its handout issued and the combined PDF made.</summary>
    public async Task<Guid> PrintedRunAsync()
    {
        var runId = await StartedPrintRunAsync();
        HandoutPrintRunDto step;
        do
        {
            step = await OkAsync(Therapist, new PrintRunStepCommand(runId));
        }
        while (!step.IsFinished);

        return runId;
    }

    /// <summary>The scenario patient's history now says anticoagulant use.</summary>
    public async Task TakesAnticoagulantsAsync()
    {
        var chart = await ChartAsync();
        (await App.SendAsync(Therapist, Edit(chart, chart.GivenName) with { MedicalHistory = MedicalHistory.None with { AnticoagulantUse = true } })).Ok();
    }

    public Task<Guid> ConsentAsync() =>
        OkAsync(Desk, new RecordConsentCommand(PatientId, ConsentKind.Treatment, Today, false, true));

    public Task<PatientChartDto> ChartAsync() => OkAsync(Therapist, new GetPatientChartQuery(PatientId));

    public async Task<uint> StaffVersionAsync() => (await OkAsync(Admin, new GetStaffMemberQuery(StaffMemberId))).Member.Version;

    public Task<Guid> CredentialAsync() =>
        OkAsync(Admin, new AddStaffCredentialCommand(StaffMemberId, CredentialKind.CprFirstAid, "St John Ambulance", null, Today.AddYears(-1), null));

    public Task<ClinicSettingsDto> SettingsAsync() => OkAsync(Admin, new GetClinicSettingsQuery());

    public async Task UploadLogoAsync() => (await App.SendAsync(Admin, new UploadClinicLogoCommand(Png))).Ok();

    /// <summary>The clinic's own picture of the glute bridge, in place of PtClinic's drawing.</summary>
    public async Task UploadIllustrationAsync() =>
        (await App.SendAsync(Admin, new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png))).Ok();

    public async Task DeactivateStaffMemberAsync() => (await App.SendAsync(Admin, new DeactivateStaffMemberCommand(StaffMemberId))).Ok();

    /// <summary>An exercise of the clinic's own, retired: what reinstating acts on.</summary>
    public async Task<string> RetiredInterventionAsync()
    {
        var code = await OkAsync(Admin, new AddInterventionCommand(Exercise("Step-ups")));
        (await App.SendAsync(Admin, new RetireInterventionCommand(code))).Ok();
        return code;
    }

    public static InterventionInput Exercise(string name) => new(
        name, InterventionCategory.Strengthening, Performer.Both, new DoseInput(3, 10, null, null, null, 1, 5),
        "Stand tall and do it slowly.", "Stop if it hurts.", [], BillingKind.Timed, "97110");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static EditPatientCommand Edit(PatientChartDto chart, string givenName) => new(
        chart.Id, chart.Version, chart.Mrn, givenName, chart.FamilyName, chart.DateOfBirth, chart.Sex,
        chart.Phone, chart.Email, chart.Occupation, MedicalHistory.None);

    public static UpdateClinicSettingsCommand Settings(ClinicSettingsDto settings, string? name = null, string? address = null, string? phone = null) => new(
        settings.Version, name ?? settings.Name, address ?? settings.Address, phone ?? settings.Phone, settings.TimeZone, settings.PaperSize,
        [.. settings.OpeningHours.Select(d => new OpeningDayInput(d.Day, d.IsOpen, d.Opens, d.Closes))],
        settings.IdleTimeoutMinutes, settings.TwoFactorRequirement);

    private async Task<T> OkAsync<T>(ClaimsPrincipal user, ICommand<Result<T>> command) => (await App.SendAsync(user, command)).Ok();

    private async Task<T> OkAsync<T>(ClaimsPrincipal user, IQuery<Result<T>> query) => (await App.SendAsync(user, query)).Ok();
}

/// <summary>
/// Every row of every table of the public schema as one value: a refused message must leave it as
/// it was. Cheap at test sizes (a few dozen rows). The audit trail is left out: it records the
/// refusal itself, which the tests check row by row.
/// </summary>
public static class DatabaseChecksum
{
    public static async Task<string> OfAsync(AppFixture app)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'audit_events' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sql = string.Join(" || '\n' || ", tables.Select(t =>
            $"'{t}:' || (SELECT count(*) FROM \"{t}\") || ':' || coalesce((SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM \"{t}\" x), '')"));
        await using var sum = new NpgsqlCommand($"SELECT {sql}", connection);
        return (string)(await sum.ExecuteScalarAsync())!;
    }
}

/// <summary>The audit rows a clinic gained since a point, by use case and outcome.</summary>
public static class AuditRows
{
    public static Task<long> LastAsync(AppFixture app, Guid clinicId) =>
        app.ReadAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(e => e.ClinicId == clinicId)
            .Select(e => (long?)e.Sequence).MaxAsync().ContinueWith(t => t.Result ?? 0));

    public static Task<List<(string Operation, string Outcome)>> SinceAsync(AppFixture app, Guid clinicId, long after) =>
        app.ReadAsync(async db => (await db.AuditEvents.IgnoreQueryFilters()
                .Where(e => e.ClinicId == clinicId && e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.Operation, e.Outcome })
                .ToListAsync())
            .Select(e => (e.Operation, e.Outcome)).ToList());
}
