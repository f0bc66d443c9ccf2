using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Visits;

/// <summary>
/// The acceptance of the charting rule: every charting command is refused for the same reason with
/// the same message, and writes nothing; the therapist covering a visit may chart and sign it all.
/// </summary>
public sealed class ChartingRuleTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly KnotInput TenderKnot = new(6, 3.0m, 10, IsActive: true, LocalTwitchResponse: false, [ReferredPainArea.PosteriorThigh]);

    private static readonly FindingsInput FeverishDeskWorker = FindingsInput.Empty with
    {
        PainNow = 5,
        HoursSittingPerDay = 9,
        RedFlags = [RedFlag.Fever],
    };

    /// <summary>What a command needs to be sent as the page would send it: the versions on screen, a knot on the chart.</summary>
    private sealed record Chart(Guid VisitId, uint? NoteVersion, uint? AssessmentVersion, Guid KnotId);

    /// <summary>Every charting command, in the order a therapist might chart a visit from start to signature.</summary>
    private static readonly (string Name, Func<AppFixture, ClaimsPrincipal, Chart, Task<IResult>> Send)[] ChartingCommands =
    [
        ("save the note draft", async (app, user, c) =>
            await app.SendAsync(user, new SaveNoteDraftCommand(c.VisitId, c.NoteVersion, "Tight behind the left knee", null, null, null))),
        ("save the findings", async (app, user, c) =>
            await app.SendAsync(user, new SaveFindingsCommand(c.VisitId, c.AssessmentVersion, FeverishDeskWorker))),
        ("add a knot", async (app, user, c) =>
            await app.SendAsync(user, new AddKnotFindingCommand(c.VisitId, c.AssessmentVersion, "piriformis", BodySide.Left, MuscleZone.MiddleThird, TenderKnot))),
        ("update a knot", async (app, user, c) =>
            await app.SendAsync(user, new UpdateKnotFindingCommand(c.VisitId, c.AssessmentVersion ?? 0, c.KnotId, TenderKnot with { Tenderness = 4 }))),
        ("remove a knot", async (app, user, c) =>
            await app.SendAsync(user, new RemoveKnotFindingCommand(c.VisitId, c.AssessmentVersion ?? 0, c.KnotId))),
        ("record a questionnaire", async (app, user, c) =>
            await app.SendAsync(user, new RecordOutcomeCommand(c.VisitId, c.AssessmentVersion, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(2, 20)], []))),
        ("remove a questionnaire", async (app, user, c) =>
            await app.SendAsync(user, new RemoveOutcomeCommand(c.VisitId, c.AssessmentVersion ?? 0, OutcomeMeasure.Lefs))),
        ("decide a root cause", async (app, user, c) =>
            await app.SendAsync(user, new DecideRootCauseCommand(c.VisitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, "Desk job, 9 h a day"))),
        ("answer the referral", async (app, user, c) =>
            await app.SendAsync(user, new AcknowledgeReferralCommand(c.VisitId, ReferralAction.Referred, "GP letter for the fever"))),
        ("sign the note", async (app, user, c) =>
            await app.SendAsync(user, new SignVisitNoteCommand(c.VisitId, c.NoteVersion ?? 0))),
    ];

    public static TheoryData<string> Refusals => [.. Enum.GetNames<Case>()];

    /// <summary>The four ways a visit is closed to someone, each with the refusal the rule gives.</summary>
    public enum Case
    {
        SignedNote,
        DischargedEpisode,
        NotCheckedIn,
        NeitherTheVisitsNorCoveringTherapist,
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_charting_command_is_refused_with_the_same_message_and_writes_nothing(string refusal)
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (visitId, chartedBy, expected) = await ArrangeAsync(clinic, Enum.Parse<Case>(refusal));
        var chart = await ChartAsync(visitId);
        var before = await StoredAsync(visitId);

        var results = new List<(string Command, IResult Result)>();
        foreach (var (name, send) in ChartingCommands)
        {
            results.Add((name, await send(App, chartedBy, chart)));
        }

        results.ShouldAllBe(r => !r.Result.IsSuccess && r.Result.Error!.Kind == ErrorKind.Rule, Describe(results));
        results.Select(r => r.Result.Error!.Message).Distinct().ShouldBe([Charting.Message(expected)], Describe(results));
        (await StoredAsync(visitId)).ShouldBe(before);
        var page = (await clinic.NoteAsync(visitId, chartedBy), await AssessmentAsync(chartedBy, visitId));
        (page.Item1.CanEdit, page.Item1.CanSign, page.Item2.CanEdit).ShouldBe((false, false, false), "the page offers none of it");
    }

    [Fact]
    public async Task The_covering_therapist_may_chart_every_part_and_sign()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();
        var offered = (await clinic.NoteAsync(visitId, clinic.OtherTherapist), await AssessmentAsync(clinic.OtherTherapist, visitId));

        foreach (var (name, send) in ChartingCommands)
        {
            var result = await send(App, clinic.OtherTherapist, await ChartAsync(visitId));
            result.IsSuccess.ShouldBeTrue($"{name}: {result.Error?.Message}");
        }

        (offered.Item1.CanEdit, offered.Item1.CanSign, offered.Item2.CanEdit).ShouldBe((true, true, true));
        var note = await clinic.NoteAsync(visitId);
        (note.NoteStatus, note.SignedBy, note.VisitStatus).ShouldBe((NoteStatus.Signed, "Jonas Berg", VisitStatus.Completed));
        (await AssessmentAsync(clinic.Therapist, visitId)).IsFrozen.ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_freezes_the_note_and_every_part_of_it_in_the_database()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var knot = (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, TenderKnot))).Ok();
        var findings = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, knot.Saved.Version, FindingsInput.Empty with { PainNow = 5 }))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, findings.Version, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(2, 20)], []))).Ok();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Tight behind the left knee", null, null, null))).Ok();

        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();

        var signed = await App.ReadAsync(async db => (
            Note: await db.VisitNotes.IgnoreQueryFilters().SingleAsync(n => n.VisitId == visitId),
            Assessment: await db.VisitAssessments.IgnoreQueryFilters().SingleAsync(a => a.VisitId == visitId)));
        signed.Assessment.FrozenAt.ShouldBe(signed.Note.SignedAt);
        await RefusedAsync("UPDATE visit_notes SET subjective = 'Rewritten' WHERE visit_id = @visit");
        await RefusedAsync("UPDATE visit_assessments SET findings = '{}' WHERE visit_id = @visit");
        await RefusedAsync("UPDATE knot_findings SET tenderness = 1 WHERE assessment_id = (SELECT id FROM visit_assessments WHERE visit_id = @visit)");
        await RefusedAsync("UPDATE recorded_outcomes SET score = 80 WHERE assessment_id = (SELECT id FROM visit_assessments WHERE visit_id = @visit)");
        (await StoredAsync(visitId)).ShouldContain("knots 1, scores 2");

        async Task RefusedAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("visit", visitId);
            (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)))
                .SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation, sql);
        }
    }

    /// <summary>A visit closed to <c>ChartedBy</c> for the reason of <paramref name="closed"/>, charted as far as that allows.</summary>
    private async Task<(Guid VisitId, ClaimsPrincipal ChartedBy, ChartingRefusal Expected)> ArrangeAsync(TestClinic clinic, Case closed)
    {
        switch (closed)
        {
            case Case.SignedNote:
            {
                var (_, visitId) = await clinic.CheckedInVisitAsync();
                await ChartAsync(clinic, visitId);
                var note = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Feverish, tight hamstring", null, null, null))).Ok();
                (await App.SendAsync(clinic.Therapist, new AcknowledgeReferralCommand(visitId, ReferralAction.Referred, "GP letter"))).Ok();
                (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, note.Version))).Ok();
                return (visitId, clinic.Therapist, ChartingRefusal.NoteSigned);
            }

            case Case.DischargedEpisode:
            {
                // Checked in and charted, the note never started: nothing stops the discharge.
                var (episodeId, visitId) = await clinic.CheckedInVisitAsync();
                await ChartAsync(clinic, visitId);
                var episode = await clinic.EpisodeAsync(episodeId);
                (await App.SendAsync(clinic.Therapist, new DischargeEpisodeCommand(episodeId, episode.Version, DischargeReason.StoppedAttending, null))).Ok();
                return (visitId, clinic.Therapist, ChartingRefusal.EpisodeDischarged);
            }

            case Case.NotCheckedIn:
                return (await clinic.ScheduleVisitAsync(await clinic.OpenEpisodeAsync()), clinic.Therapist, ChartingRefusal.NotCheckedIn);

            default:
            {
                var (_, visitId) = await clinic.CheckedInVisitAsync();
                await ChartAsync(clinic, visitId);
                (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Feverish, tight hamstring", null, null, null))).Ok();
                (await App.SendAsync(clinic.Desk, new AssignVisitCoverCommand(visitId, TestClinic.IdOf(clinic.OtherTherapist)))).Ok();
                var stranger = await clinic.AddStaffAsync("Lena Voss", StaffRoles.Therapist);
                return (visitId, stranger, ChartingRefusal.NotTheTreatingTherapist);
            }
        }
    }

    /// <summary>Findings with a red flag, a knot and a LEFS: something for every command to touch.</summary>
    private async Task ChartAsync(TestClinic clinic, Guid visitId)
    {
        var findings = (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FeverishDeskWorker))).Ok();
        var knot = (await App.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, findings.Version, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, TenderKnot))).Ok();
        (await App.SendAsync(clinic.Therapist, new RecordOutcomeCommand(
            visitId, knot.Saved.Version, OutcomeMeasure.Lefs, [.. Enumerable.Repeat<int?>(3, 20)], []))).Ok();
    }

    /// <summary>The visit as stored now: the versions the page would send, and a knot if one is charted.</summary>
    private Task<Chart> ChartAsync(Guid visitId) => App.ReadAsync(async db => new Chart(
        visitId,
        await db.VisitNotes.IgnoreQueryFilters().Where(n => n.VisitId == visitId).Select(n => (uint?)n.Version).FirstOrDefaultAsync(),
        await db.VisitAssessments.IgnoreQueryFilters().Where(a => a.VisitId == visitId).Select(a => (uint?)a.Version).FirstOrDefaultAsync(),
        await db.KnotFindings.IgnoreQueryFilters()
            .Where(k => db.VisitAssessments.IgnoreQueryFilters().Any(a => a.Id == k.AssessmentId && a.VisitId == visitId))
            .Select(k => (Guid?)k.Id).FirstOrDefaultAsync() ?? Guid.CreateVersion7()));

    /// <summary>Everything charting can write for a visit, row versions included: equal means nothing was written.</summary>
    private Task<string> StoredAsync(Guid visitId) => App.ReadAsync(async db =>
    {
        var visit = await db.Visits.IgnoreQueryFilters().SingleAsync(v => v.Id == visitId);
        var note = await db.VisitNotes.IgnoreQueryFilters().Where(n => n.VisitId == visitId)
            .Select(n => new { n.Version, n.Status, n.Subjective }).FirstOrDefaultAsync();
        var assessment = await db.VisitAssessments.IgnoreQueryFilters().Where(a => a.VisitId == visitId)
            .Select(a => new { a.Id, a.Version, a.FrozenAt }).FirstOrDefaultAsync();
        var assessmentId = assessment?.Id ?? Guid.Empty;
        var knots = await db.KnotFindings.IgnoreQueryFilters().CountAsync(k => k.AssessmentId == assessmentId);
        var scores = await db.RecordedOutcomes.IgnoreQueryFilters().CountAsync(o => o.AssessmentId == assessmentId);
        var decisions = await db.CauseDecisions.IgnoreQueryFilters().CountAsync(d => d.VisitId == visitId);
        var answers = await db.ReferralAcknowledgements.IgnoreQueryFilters().CountAsync(r => r.VisitId == visitId);
        return $"visit {visit.Status} v{visit.Version}; note {note}; assessment {assessment}; knots {knots}, scores {scores}; decisions {decisions}, answers {answers}";
    });

    private async Task<VisitAssessmentDto> AssessmentAsync(ClaimsPrincipal user, Guid visitId) =>
        (await App.SendAsync(user, new GetVisitAssessmentQuery(visitId))).Ok();

    private static string Describe(IEnumerable<(string Command, IResult Result)> results) =>
        string.Join(Environment.NewLine, results.Select(r => $"{r.Command}: {(r.Result.IsSuccess ? "succeeded" : $"{r.Result.Error!.Kind} {r.Result.Error.Message}")}"));
}
