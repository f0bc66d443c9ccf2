using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.IntegrationTests.Features.Treatment;
using PtClinic.IntegrationTests.Security;
using static PtClinic.IntegrationTests.Features.Visits.GetVisitNoteTests;

namespace PtClinic.IntegrationTests.Features.Episodes;

/// <summary>A red flag recorded on a signed note stays open on the episode until the therapist closes it.</summary>
public sealed class EpisodeRedFlagTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_red_flag_stays_open_until_closed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var now = DateTimeOffset.UtcNow;
        var raisedAt = await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, now.AddDays(-2), RedFlag.NightPain);
        var opened = await RedFlagsAsync(clinic, episodeId);
        var nextVisit = await SignedVisitWithoutRedFlagsAsync(clinic, episodeId, now.AddDays(-1));
        var afterTheNextVisit = await RedFlagsAsync(clinic, episodeId);
        var today = await clinic.ScheduleVisitAsync(episodeId, now.AddMinutes(-5));
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(today))).Ok();
        var beforeClosing = (await clinic.NoteAsync(today)).Safety;
        var atTheNextVisit = (await clinic.NoteAsync(nextVisit)).Safety;

        var flagId = afterTheNextVisit.Open.Single().Id;
        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(
            episodeId, flagId, RedFlagClosing.Referred, "Bloods ordered", "GP, Dr Okafor — same-day letter", Today))).Ok();

        var open = opened.Open.ShouldHaveSingleItem();
        open.Flag.ShouldBe(RedFlag.NightPain);
        open.RaisedAtVisitId.ShouldBe(raisedAt);
        open.RaisedBy.ShouldBe("Maya Lindqvist");
        // The next visit did not tick it: it is the same flag, still open, not a second one.
        afterTheNextVisit.Open.Select(f => f.Id).ShouldBe([open.Id]);
        atTheNextVisit.OpenRedFlags().ShouldBe([RedFlag.NightPain]);
        beforeClosing.OpenRedFlags().ShouldBe([RedFlag.NightPain]);

        var closed = await RedFlagsAsync(clinic, episodeId);
        closed.Open.ShouldBeEmpty();
        var history = closed.Closed.ShouldHaveSingleItem();
        (history.Id, history.ClosedAs, history.ReferredTo, history.ReferredOn, history.ClosingNote, history.ClosedBy)
            .ShouldBe((flagId, RedFlagClosing.Referred, "GP, Dr Okafor — same-day letter", Today, "Bloods ordered", "Maya Lindqvist"));
        (await clinic.NoteAsync(today)).Safety.OpenRedFlags().ShouldBeEmpty();
        (await App.SendAsync(clinic.Therapist, new GetTodayQuery())).Ok().Visits.Single(v => v.VisitId == today).Safety.OpenRedFlags().ShouldBeEmpty();
    }

    [Fact]
    public async Task Closing_as_referred_points_at_the_referral_answered_at_the_visit()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, DateTimeOffset.UtcNow.AddDays(-1), RedFlag.Fever);
        var open = (await RedFlagsAsync(clinic, episodeId)).Open.Single();
        var answer = open.ReferralAtVisit.ShouldNotBeNull();

        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(
            episodeId, open.Id, RedFlagClosing.Referred, null, answer.Note, DateOnly.FromDateTime(answer.AcknowledgedAt.UtcDateTime)))).Ok();

        answer.Note.ShouldBe("GP the same day");
        var stored = await App.ReadAsync(db => db.EpisodeRedFlags.IgnoreQueryFilters().SingleAsync(f => f.Id == open.Id));
        stored.ReferralAcknowledgementId.ShouldBe(answer.AcknowledgementId);
    }

    [Fact]
    public async Task The_dry_needling_safety_counts_an_open_red_flag_until_it_is_closed()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, DateTimeOffset.UtcNow.AddDays(-3), RedFlag.CalfSwellingWithWarmth);
        await clinic.ConsentToDryNeedlingAsync(App);
        await clinic.CredentialAsync(App, await clinic.AdminAsync(), TreatmentClinic.Today.AddYears(1));
        var today = await clinic.ScheduleVisitAsync(episodeId);
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(today))).Ok();

        var whileOpen = (await App.SendAsync(clinic.Therapist, new GetDryNeedlingSafetyQuery(today))).Ok();
        var flag = (await RedFlagsAsync(clinic, episodeId)).Open.Single();
        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(
            episodeId, flag.Id, RedFlagClosing.Referred, "Duplex scan clear", "Vascular clinic, duplex scan", Today))).Ok();
        var afterClosing = (await App.SendAsync(clinic.Therapist, new GetDryNeedlingSafetyQuery(today))).Ok();

        whileOpen.BlockedBecause.ShouldBe(["Dry needling is blocked: a deep-vein thrombosis is suspected (warm, swollen calf): refer the patient."]);
        afterClosing.BlockedBecause.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_flag_ticked_again_while_open_stays_one_and_ticked_after_closing_opens_a_new_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var episodeId = await clinic.OpenEpisodeAsync();
        var now = DateTimeOffset.UtcNow;
        await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, now.AddDays(-3), RedFlag.Numbness);
        await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, now.AddDays(-2), RedFlag.Numbness);
        var once = await RedFlagsAsync(clinic, episodeId);
        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(
            episodeId, once.Open.Single().Id, RedFlagClosing.Resolved, "Sensation back to normal on testing"))).Ok();
        var again = await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, now.AddDays(-1), RedFlag.Numbness);

        var flags = await RedFlagsAsync(clinic, episodeId);

        once.Open.Count.ShouldBe(1);
        flags.Open.ShouldHaveSingleItem().RaisedAtVisitId.ShouldBe(again);
        flags.Closed.ShouldHaveSingleItem().ClosingNote.ShouldBe("Sensation back to normal on testing");
    }

    [Fact]
    public async Task Closing_a_red_flag_twice_is_refused_and_the_first_closing_stands()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, flagId) = await OpenFlagAsync(clinic);
        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, "Night pain gone for a week"))).Ok();

        var again = await App.SendAsync(clinic.OtherTherapist, new CloseRedFlagCommand(
            episodeId, flagId, RedFlagClosing.Referred, null, "GP", Today));

        again.Failed(ErrorKind.Rule).Message.ShouldStartWith("This red flag was already closed (resolved) by Maya Lindqvist on ");
        var history = (await RedFlagsAsync(clinic, episodeId)).Closed.ShouldHaveSingleItem();
        (history.ClosedAs, history.ClosingNote, history.ReferredTo, history.ClosedBy)
            .ShouldBe((RedFlagClosing.Resolved, "Night pain gone for a week", null, "Maya Lindqvist"));
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "resolved without a note", "Note", "Say how the red flag resolved." },
        { "referred to nobody", "ReferredTo", "Say whom or what the patient was referred to." },
        { "referred without a date", "ReferredOn", "Enter the date of the referral." },
        { "referred tomorrow", "ReferredOn", "A referral cannot be dated in the future." },
        { "referred before the visit", "ReferredOn", "The referral cannot be dated before the visit that recorded the red flag" },
        { "closed as nothing", "As", "Choose whether the red flag resolved or the patient was referred." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_closing_missing_what_it_needs_is_refused_beside_the_field_and_the_flag_stays_open(string why, string field, string message)
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, flagId) = await OpenFlagAsync(clinic);
        CloseRedFlagCommand command = why switch
        {
            "resolved without a note" => new(episodeId, flagId, RedFlagClosing.Resolved, "  "),
            "referred to nobody" => new(episodeId, flagId, RedFlagClosing.Referred, null, null, Today),
            "referred without a date" => new(episodeId, flagId, RedFlagClosing.Referred, null, "GP", null),
            "referred tomorrow" => new(episodeId, flagId, RedFlagClosing.Referred, null, "GP", Today.AddDays(1)),
            "referred before the visit" => new(episodeId, flagId, RedFlagClosing.Referred, null, "GP", Today.AddDays(-5)),
            _ => new(episodeId, flagId, null, "Gone"),
        };

        var refused = await App.SendAsync(clinic.Therapist, command);

        refused.Failed(ErrorKind.Validation).For(field).ShouldNotBeNull(why).ShouldStartWith(message);
        (await RedFlagsAsync(clinic, episodeId)).Open.ShouldHaveSingleItem().Id.ShouldBe(flagId);
    }

    [Fact]
    public async Task Only_a_therapist_closes_a_red_flag_and_a_refusal_writes_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, flagId) = await OpenFlagAsync(clinic);

        var byManager = await App.SendAsync(clinic.Manager, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, "Gone"));
        var byDesk = await App.SendAsync(clinic.Desk, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, "Gone"));
        var readByDesk = await App.SendAsync(clinic.Desk, new GetEpisodeRedFlagsQuery(episodeId));

        byManager.Failed(ErrorKind.Forbidden);
        byDesk.Failed(ErrorKind.Forbidden);
        readByDesk.Failed(ErrorKind.Forbidden);
        (await App.SendAsync(clinic.Manager, new GetEpisodeRedFlagsQuery(episodeId))).Ok().Open.ShouldHaveSingleItem().Id.ShouldBe(flagId);
    }

    [Fact]
    public async Task Another_clinics_red_flag_is_not_found_and_stays_open()
    {
        var ours = await TestClinic.CreateAsync(App);
        var theirs = await TestClinic.CreateAsync(App, "Eastside Physio");
        var (episodeId, flagId) = await OpenFlagAsync(theirs);
        var ourEpisode = await ours.OpenEpisodeAsync();

        var closed = await App.SendAsync(ours.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, "Gone"));
        var underOurEpisode = await App.SendAsync(ours.Therapist, new CloseRedFlagCommand(ourEpisode, flagId, RedFlagClosing.Resolved, "Gone"));
        var read = await App.SendAsync(ours.Therapist, new GetEpisodeRedFlagsQuery(episodeId));

        closed.Failed(ErrorKind.NotFound);
        underOurEpisode.Failed(ErrorKind.NotFound);
        read.Failed(ErrorKind.NotFound);
        (await RedFlagsAsync(theirs, episodeId)).Open.ShouldHaveSingleItem().Id.ShouldBe(flagId);
    }

    [Fact]
    public async Task Closing_a_red_flag_leaves_an_audit_row_naming_the_episode_and_its_patient()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, flagId) = await OpenFlagAsync(clinic);
        var before = await AuditRows.LastAsync(App, clinic.Id);

        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, "Gone"))).Ok();

        var row = await App.ReadAsync(db => db.AuditEvents.IgnoreQueryFilters()
            .Where(e => e.ClinicId == clinic.Id && e.Sequence > before && e.Operation == nameof(CloseRedFlagCommand)).SingleAsync());
        (row.EntityType, row.EntityId, row.PatientId, row.Outcome).ShouldBe(("Episode", (Guid?)episodeId, (Guid?)clinic.PatientId, "success"));
    }

    [Fact]
    public async Task The_database_keeps_a_closed_red_flag_as_it_was_closed_and_never_deletes_one()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var (episodeId, flagId) = await OpenFlagAsync(clinic);
        var (_, openId) = await OpenFlagAsync(clinic);
        (await App.SendAsync(clinic.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, "Gone"))).Ok();

        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, "UPDATE episode_red_flags SET closing_note = 'Never there' WHERE id = @id", flagId);
        await RefusedAsync(PostgresErrorCodes.IntegrityConstraintViolation, "UPDATE episode_red_flags SET flag = 'Fever' WHERE id = @id", openId);
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "DELETE FROM episode_red_flags WHERE id = @id", openId);
        await RefusedAsync(PostgresErrorCodes.InsufficientPrivilege, "TRUNCATE episode_red_flags", openId);
        (await RedFlagsAsync(clinic, episodeId)).Closed.ShouldHaveSingleItem().ClosingNote.ShouldBe("Gone");
    }

    private async Task RefusedAsync(string sqlState, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        refused.SqlState.ShouldBe(sqlState, $"{sql}: {refused.MessageText}");
    }

    private async Task<(Guid EpisodeId, Guid FlagId)> OpenFlagAsync(TestClinic clinic)
    {
        var episodeId = await clinic.OpenEpisodeAsync();
        await SignedVisitWithRedFlagsAsync(App, clinic, episodeId, DateTimeOffset.UtcNow.AddHours(-2), RedFlag.NightPain);
        return (episodeId, (await RedFlagsAsync(clinic, episodeId)).Open.Single().Id);
    }

    private async Task<Guid> SignedVisitWithoutRedFlagsAsync(TestClinic clinic, Guid episodeId, DateTimeOffset at)
    {
        var visitId = await clinic.ScheduleVisitAsync(episodeId, at);
        (await App.SendAsync(clinic.Desk, new CheckInVisitCommand(visitId))).Ok();
        (await App.SendAsync(clinic.Therapist, new SaveFindingsCommand(visitId, null, FindingsInput.Empty with { PainNow = 4 }))).Ok();
        var draft = (await App.SendAsync(clinic.Therapist, new SaveNoteDraftCommand(visitId, null, "Sleeping better", null, null, null))).Ok();
        (await App.SendAsync(clinic.Therapist, new SignVisitNoteCommand(visitId, draft.Version))).Ok();
        return visitId;
    }

    private async Task<EpisodeRedFlagsDto> RedFlagsAsync(TestClinic clinic, Guid episodeId) =>
        (await App.SendAsync(clinic.Therapist, new GetEpisodeRedFlagsQuery(episodeId))).Ok();
}
