using System.Text;
using Microsoft.Playwright;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>
/// What the note page saves and how it says so: a note as long as its limits allow, a change made
/// in another tab, and a character the database cannot store.
/// </summary>
public sealed class NoteSavingTests(WebAppFixture app)
{
    [Fact]
    public async Task A_note_filled_to_every_fields_limit_saves_and_reloads_intact()
    {
        var visitId = await app.CheckedInVisitAsync("Maximiliane", $"Longfellow{Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await NotePage.OpenAsync(page, visitId);
        var filled = new Dictionary<string, string>();
        foreach (var section in new[] { "Subjective", "Objective", "Assessment", "Plan" })
        {
            filled[section] = TextOfLength(VisitNote.SectionMaxLength, section);
        }

        filled["Aggravating factors"] = TextOfLength(PainFindings.FactorsMaxLength, "Aggravating");
        filled["Easing factors"] = TextOfLength(PainFindings.FactorsMaxLength, "Easing");
        filled["Guarding note"] = TextOfLength(MuscleGuardingFinding.NoteMaxLength, "Guarding");

        // The guarding note belongs to an observation: it is kept only when guarding was observed.
        await NotePage.WatchForSaveAsync(page);
        await NotePage.CheckAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Observed", Exact = true }));
        await NotePage.SavedAsync(page);
        foreach (var (label, text) in filled)
        {
            await NotePage.FillAndSaveAsync(page.GetByLabel(label, new() { Exact = true }), text);
        }

        // One more line, pictured as it is being saved (for looking at; the state moves on by itself).
        await NotePage.WatchForSaveAsync(page);
        await page.GetByLabel("Guarding note", new() { Exact = true }).FillAsync(filled["Guarding note"][..^1] + "!");
        await page.WaitForFunctionAsync("() => window.ptSawSaving === true");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await NotePage.ViewportScreenshotAsync(page, "note-saving.png");
        await NotePage.SavedAsync(page);
        filled["Guarding note"] = filled["Guarding note"][..^1] + "!";

        await page.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        foreach (var (label, text) in filled)
        {
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveValueAsync(text);
        }
    }

    [Fact]
    public async Task A_note_changed_in_another_tab_says_so_and_overwrites_nothing()
    {
        var visitId = await app.CheckedInVisitAsync("Liv", $"Berg{Guid.NewGuid().ToString("N")[..6]}");
        var first = await app.SignedInPageAsync(DemoClinic.Therapist);
        var second = await app.SignedInPageAsync(DemoClinic.Therapist);
        await NotePage.OpenAsync(first, visitId);
        await NotePage.OpenAsync(second, visitId);

        await NotePage.FillAndSaveAsync(first.GetByLabel("Subjective"), "Written in the first tab.");
        await second.GetByLabel("Subjective").FillAsync("Written in the second tab.");

        await Expect(NotePage.SaveState(second)).ToHaveTextAsync("Not saved: this note changed elsewhere");
        await Expect(second.GetByTestId("save-detail")).ToContainTextAsync("reload the page");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Sign note" })).ToBeDisabledAsync();
        await NotePage.ViewportScreenshotAsync(second, "note-not-saved-conflict.png");
        await first.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(first);
        await Expect(first.GetByLabel("Subjective")).ToHaveValueAsync("Written in the first tab.");
    }

    [Fact]
    public async Task A_character_the_database_cannot_store_is_marked_beside_its_field_and_not_saved()
    {
        var visitId = await app.CheckedInVisitAsync("Oskar", $"Nyberg{Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await NotePage.OpenAsync(page, visitId);
        var plan = page.GetByLabel("Plan");
        await NotePage.FillAndSaveAsync(plan, "Stretch <b>daily</b> & walk");

        // Pasted from elsewhere: the browser keeps a NUL that PostgreSQL would refuse.
        await plan.EvaluateAsync("el => { el.value = 'Stretch\\u0000daily'; el.dispatchEvent(new Event('change', { bubbles: true })); }");

        var message = PtClinic.Application.Common.Validation.UnstorableText.MessageFor("Plan");
        await Expect(NotePage.SaveState(page)).ToHaveTextAsync("Not saved: correct the fields marked in red");
        await Expect(page.GetByTestId("save-detail")).ToHaveTextAsync(message);
        await Expect(plan).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".mud-input-control", new() { Has = plan }).GetByText(message)).ToBeVisibleAsync();
        await NotePage.ViewportScreenshotAsync(page, "note-not-saved-invalid.png");
        await page.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(plan).ToHaveValueAsync("Stretch <b>daily</b> & walk");
    }

    /// <summary>
    /// Exactly <paramref name="length"/> UTF-16 characters of clinical-looking text that is heavy on
    /// the wire: characters of 2 to 4 bytes in UTF-8, quotes and backslashes that JSON escapes twice,
    /// markup. No line breaks (a textarea's maxlength may count one as two) and no space at either
    /// end (findings are trimmed).
    /// </summary>
    private static string TextOfLength(int length, string start)
    {
        const string phrase = " Tender “knot” ½ cm — 痛み, \"q\" \\ <b>&amp;</b> 💪 Ø ";
        var text = new StringBuilder(start, length + phrase.Length);
        while (text.Length < length)
        {
            text.Append(phrase);
        }

        text.Length = length - 1;
        if (char.IsHighSurrogate(text[^1]))
        {
            text[^1] = 'x';
        }

        return text.Append('.').ToString();
    }
}
