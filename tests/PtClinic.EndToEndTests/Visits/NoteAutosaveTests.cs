using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>
/// The note page against its database: a moment without it loses nothing typed, and opening a
/// note reads each thing once. Alone, because they cut the database off and count the app's SQL.
/// </summary>
[Collection(typeof(AppAloneCollection))]
public sealed class NoteAutosaveTests(WebAppFixture app)
{
    [Fact]
    public async Task While_the_database_is_away_the_note_says_not_saved_and_saves_what_was_typed_once_it_is_back()
    {
        var visitId = await app.CheckedInVisitAsync("Aino", $"Virtanen{Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await NotePage.OpenAsync(page, visitId);
        var subjective = page.GetByLabel("Subjective");
        await NotePage.FillAndSaveAsync(subjective, "Hamstring tight after a long drive.");
        const string typedMeanwhile = "Hamstring tight after a long drive. Typed while the database was away: worse on the stairs.";

        app.Database.CutOff();
        try
        {
            await subjective.FillAsync(typedMeanwhile);
            await Expect(NotePage.SaveState(page)).ToHaveTextAsync("Not saved — retrying", new() { Timeout = 20_000 });
            await NotePage.ViewportScreenshotAsync(page, "note-not-saved-retrying.png");
        }
        finally
        {
            app.Database.Restore();
        }

        // The retries back off to at most a few seconds, so the text arrives soon after the database does.
        await Expect(NotePage.SaveState(page)).ToHaveTextAsync(new Regex("^Saved at"), new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(subjective).ToHaveValueAsync(typedMeanwhile);
    }

    [Fact]
    public async Task Opening_a_note_reads_each_thing_once()
    {
        // Ellen's visit today: a draft with text, findings, knots, questionnaires and decided causes.
        var visitId = await app.DemoVisitTodayAsync("P000101");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        // The home page's own reads are over once its patient count shows in the interactive render.
        await Expect(page.GetByTestId("patient-count")).ToBeVisibleAsync();

        IReadOnlyList<string> statements;
        app.Sql.Start();
        try
        {
            await NotePage.OpenAsync(page, visitId);
            // Enabled only once the interactive render shows the note and its assessment: any second
            // read of them would have happened by then.
            await Expect(page.GetByLabel("Subjective")).ToBeEnabledAsync();
            await Expect(page.GetByLabel("Hours sitting per day")).ToBeEnabledAsync();
            await Expect(page.GetByTestId("knot").First).ToBeVisibleAsync();
        }
        finally
        {
            statements = app.Sql.Stop();
        }

        statements.ShouldContain(s => s.Contains("visit_notes"));
        statements.ShouldContain(s => s.Contains("knot_findings"));
        // Each HTTP request (the page, then the circuit's negotiate and connect) checks its sign-in
        // session once (docs/decisions/0011); open circuits re-check their user on their own clock.
        // The note and its assessment are two recorded reads: each writes its own audit row (and
        // looks up the visit's patient for it), counted apart below.
        statements.Where(s => !s.Contains("FROM sign_in_sessions", StringComparison.Ordinal) && !IsSignInCheck(s) && !IsAuditOfARead(s))
            .GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        statements.Count(s => s.StartsWith("INSERT INTO audit_events", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2, "one audit row for the note, one for the assessment");
    }

    /// <summary>
    /// Every open circuit, this page's or one an earlier test left behind (a closed page's circuit
    /// is kept for minutes), re-checks its user's sign-in once a minute: the user and whether they
    /// are still active staff. Those reads come on their own clock, not from opening the note.
    /// </summary>
    private static bool IsAuditOfARead(string sql) =>
        sql.StartsWith("INSERT INTO audit_events", StringComparison.Ordinal)
        || (sql.Contains("SELECT v.patient_id", StringComparison.Ordinal) && sql.Contains("@entry_EntityId", StringComparison.Ordinal));

    private static bool IsSignInCheck(string sql) =>
        (sql.Contains("FROM users AS u", StringComparison.Ordinal) && sql.Contains("WHERE u.id = @p", StringComparison.Ordinal))
        || (sql.Contains("FROM staff_members AS s", StringComparison.Ordinal) && sql.Contains("s.deactivated_at IS NULL", StringComparison.Ordinal));
}
