using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PtClinic.Application.Common.Results;
using PtClinic.Web.Services;

namespace PtClinic.UnitTests.Web;

/// <summary>
/// The note page's save machinery against a fake server, on a fake clock: time moves only when a
/// test advances it, so the pauses and retries are exact and nothing sleeps.
/// </summary>
public sealed class AutosaveTests : IAsyncDisposable
{
    private static readonly AutosaveTiming Timing = new(TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 10, 42, 0, TimeSpan.Zero));
    private readonly FakeServer _server = new();
    private readonly Autosave _autosave;

    public AutosaveTests() =>
        _autosave = new Autosave(_clock, work => work(), NullLogger.Instance, Timing);

    public async ValueTask DisposeAsync() => await _autosave.DisposeAsync();

    [Fact]
    public void An_edit_is_saved_after_a_pause_in_typing_with_the_latest_text()
    {
        Type("Tight");
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        Type("Tight behind the knee");
        _clock.Advance(TimeSpan.FromMilliseconds(400));

        _server.Received.ShouldBeEmpty();
        _autosave.State.Status.ShouldBe(AutosaveStatus.Saving);

        _clock.Advance(TimeSpan.FromMilliseconds(200));

        _server.Received.ShouldBe(["Tight behind the knee"]);
        _autosave.State.ShouldBe(new AutosaveState(AutosaveStatus.Saved, _clock.GetUtcNow(), null));
    }

    [Fact]
    public void A_save_that_throws_is_not_shown_as_saved_and_is_retried_after_a_growing_pause()
    {
        _server.Down = true;
        Type("Night pain since Tuesday");
        _clock.Advance(Timing.Pause);

        _server.Attempts.ShouldBe(1);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Retrying);
        _autosave.HasUnsaved.ShouldBeTrue();

        _clock.Advance(TimeSpan.FromSeconds(1));
        _server.Attempts.ShouldBe(2);
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        _server.Attempts.ShouldBe(2, "the second retry waits twice as long");

        _server.Down = false;
        _clock.Advance(TimeSpan.FromSeconds(0.1));

        _server.Received.ShouldBe(["Night pain since Tuesday"]);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Saved);
        _autosave.HasUnsaved.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failed_save_is_sent_again_when_the_page_closes()
    {
        _server.Down = true;
        Type("Worse after sitting");
        _clock.Advance(Timing.Pause);
        _server.Down = false;

        await _autosave.DisposeAsync();

        _server.Received.ShouldBe(["Worse after sitting"]);
    }

    [Fact]
    public async Task Closing_the_page_in_the_pause_saves_what_was_typed()
    {
        Type("Left before the pause ended");

        await _autosave.DisposeAsync();

        _server.Received.ShouldBe(["Left before the pause ended"]);
    }

    [Fact]
    public void A_result_that_is_not_a_validation_error_is_retried_and_its_message_shown()
    {
        _server.Answer = Error.Rule("The episode is discharged; its notes take addenda only.");
        Type("Text");
        _clock.Advance(Timing.Pause);

        _autosave.State.Status.ShouldBe(AutosaveStatus.Retrying);
        _autosave.State.Problem!.Message.ShouldContain("discharged");

        _server.Answer = null;
        _clock.Advance(Timing.FirstRetry);

        _autosave.State.Status.ShouldBe(AutosaveStatus.Saved);
        _server.Attempts.ShouldBe(2);
    }

    [Fact]
    public void A_conflict_is_shown_as_such_and_neither_retried_nor_followed_by_more_saves()
    {
        _server.Answer = Error.Conflict("Someone else changed this note.");
        Type("Mine");
        _clock.Advance(Timing.Pause);

        _autosave.State.Status.ShouldBe(AutosaveStatus.Conflict);
        Type("Mine, typed on");
        _clock.Advance(TimeSpan.FromMinutes(5));

        _server.Attempts.ShouldBe(1);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Conflict);
    }

    [Fact]
    public async Task A_conflict_on_the_note_does_not_stop_the_findings_from_saving()
    {
        _server.Answer = Error.Conflict("Someone else changed this note.");
        Type("Mine");
        _clock.Advance(Timing.Pause);
        _server.Answer = null;

        _autosave.Edit("assessment", "findings", _ => _server.SaveAsync("findings"));
        await _autosave.FlushAsync();

        _server.Received.ShouldBe(["Mine", "findings"]);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Conflict, "the conflict still needs a reload");
    }

    [Fact]
    public void Text_typed_while_a_save_is_on_its_way_is_saved_next_and_only_then_is_the_note_saved()
    {
        var reply = new TaskCompletionSource<Error?>();
        _server.Reply = reply.Task;
        Type("First words");
        _clock.Advance(Timing.Pause);
        _server.Received.ShouldBe(["First words"]);

        Type("First words and more");
        _server.Reply = null;
        reply.SetResult(null);

        _autosave.State.Status.ShouldBe(AutosaveStatus.Saving, "the newer text is not saved yet");
        _autosave.HasUnsaved.ShouldBeTrue();

        _clock.Advance(Timing.Pause);

        _server.Received.ShouldBe(["First words", "First words and more"]);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Saved);
    }

    [Fact]
    public void A_save_that_fails_while_newer_text_waits_is_replaced_by_the_newer_text()
    {
        var reply = new TaskCompletionSource<Error?>();
        _server.Reply = reply.Task;
        Type("Old");
        _clock.Advance(Timing.Pause);
        Type("Old and new");
        _server.Reply = null;
        reply.SetException(new TimeoutException("The connection to the database was lost."));

        _autosave.State.Status.ShouldBe(AutosaveStatus.Retrying);
        _clock.Advance(Timing.FirstRetry);

        _server.Received.ShouldBe(["Old", "Old and new"]);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Saved);
    }

    [Fact]
    public void A_validation_failure_is_kept_for_its_field_and_not_retried()
    {
        var invalid = Error.Validation("Subjective", "Subjective: there is an invisible character in it that cannot be saved.");
        _server.Answer = invalid;
        Type("Bad\0text");
        _clock.Advance(Timing.Pause);

        _autosave.State.Status.ShouldBe(AutosaveStatus.Invalid);
        _autosave.ValidationErrorOf("soap").ShouldBe(invalid);
        _clock.Advance(TimeSpan.FromMinutes(5));
        _server.Attempts.ShouldBe(1);

        _server.Answer = null;
        Type("Good text");
        _clock.Advance(Timing.Pause);

        _autosave.ValidationErrorOf("soap").ShouldBeNull();
        _autosave.State.Status.ShouldBe(AutosaveStatus.Saved);
    }

    [Fact]
    public async Task A_dialog_change_refused_for_a_field_stays_with_the_dialog_and_is_not_queued()
    {
        _server.Answer = Error.Validation("Knot.Tenderness", "Rate the tenderness from 0 to 10.");

        var outcome = await _autosave.SubmitAsync("assessment", _ => _server.SaveAsync("knot"));

        outcome.Status.ShouldBe(AutosaveStatus.Invalid);
        outcome.Error!.For("Knot.Tenderness").ShouldNotBeNull();
        _autosave.HasUnsaved.ShouldBeFalse();
    }

    [Fact]
    public async Task A_dialog_change_that_fails_is_kept_and_retried_like_typing()
    {
        _server.Down = true;

        var outcome = await _autosave.SubmitAsync("assessment", _ => _server.SaveAsync("knot"));

        outcome.Status.ShouldBe(AutosaveStatus.Retrying);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Retrying);
        _server.Down = false;
        _clock.Advance(Timing.FirstRetry);
        _server.Received.ShouldBe(["knot"]);
        _autosave.State.Status.ShouldBe(AutosaveStatus.Saved);
    }

    [Fact]
    public async Task Flushing_before_signing_sends_everything_at_once_and_says_whether_it_all_saved()
    {
        Type("Ready to sign");
        _autosave.Edit("assessment", "findings", _ => _server.SaveAsync("findings"));

        (await _autosave.FlushAsync()).ShouldBeTrue();
        _server.Received.ShouldBe(["Ready to sign", "findings"]);

        _server.Down = true;
        Type("One more line");
        (await _autosave.FlushAsync()).ShouldBeFalse();
        _autosave.State.Status.ShouldBe(AutosaveStatus.Retrying);
    }

    [Fact]
    public void A_note_saved_before_opens_as_saved_at_that_time()
    {
        var earlier = _clock.GetUtcNow().AddHours(-1);

        _autosave.SavedBefore(earlier);

        _autosave.State.ShouldBe(new AutosaveState(AutosaveStatus.Saved, earlier, null));
    }

    private void Type(string text) => _autosave.Edit("note", "soap", _ => _server.SaveAsync(text));

    /// <summary>Answers as told: down (throws), with an error, or after a reply the test gives.</summary>
    private sealed class FakeServer
    {
        public bool Down { get; set; }

        public Error? Answer { get; set; }

        public Task<Error?>? Reply { get; set; }

        public int Attempts { get; private set; }

        public List<string> Received { get; } = [];

        public Task<Error?> SaveAsync(string content)
        {
            Attempts++;
            if (Down)
            {
                return Task.FromException<Error?>(new InvalidOperationException("Failed to connect to 127.0.0.1:5432"));
            }

            Received.Add(content);
            return Reply ?? Task.FromResult(Answer);
        }
    }
}
