using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>What the note tests do on the charting page, in one place.</summary>
internal static class NotePage
{
    public static ILocator SaveState(IPage page) => page.GetByTestId("save-state");

    public static async Task OpenAsync(IPage page, Guid visitId)
    {
        await page.GotoAsync($"/visits/{visitId}/note");
        await WebAppFixture.WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Watches for the note's next save, before the change that causes it: the state shows "Saving…"
    /// only once the change reached the server, so seeing it, then "Saved at", means that change is
    /// saved, and not an earlier one.
    /// </summary>
    public static Task WatchForSaveAsync(IPage page) => page.EvaluateAsync(@"() => {
        window.ptSawSaving = false;
        const toolbar = document.querySelector(""[data-testid='note-toolbar']"");
        const observer = new MutationObserver(() => {
            if (toolbar.querySelector(""[data-testid='save-state']"")?.textContent.startsWith('Saving')) {
                window.ptSawSaving = true;
                observer.disconnect();
            }
        });
        observer.observe(toolbar, { subtree: true, childList: true, characterData: true });
    }");

    /// <summary>Waits until the change watched for is saved.</summary>
    public static async Task SavedAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.ptSawSaving === true");
        await Expect(SaveState(page)).ToHaveTextAsync(new Regex("^Saved at \\d\\d:\\d\\d$"));
    }

    /// <summary>Fills a field and waits until what was filled is saved.</summary>
    public static async Task FillAndSaveAsync(ILocator field, string text)
    {
        await WatchForSaveAsync(field.Page);
        await field.FillAsync(text);
        await SavedAsync(field.Page);
    }

    /// <summary>
    /// Checks a MudBlazor checkbox or radio: the click is dispatched on the input itself (a forced
    /// click goes to a screen position, and rows shift as the page updates), then the server's
    /// re-render is awaited.
    /// </summary>
    public static async Task CheckAsync(ILocator input)
    {
        await input.DispatchEventAsync("click");
        await Expect(input).ToBeCheckedAsync();
    }

    /// <summary>A picture of what the window shows, for looking at a state of the page.</summary>
    public static Task ViewportScreenshotAsync(IPage page, string fileName) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, fileName) });
}
