using Microsoft.Playwright;
using PtClinic.EndToEndTests.Visits;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Plans;

/// <summary>
/// The therapist builds the next version of Ellen's plan from the suggestions and signs it, then
/// tries dry needling for Daniel, who takes anticoagulants, and is stopped with the reason. Changes
/// the demo clinic's plans, so it runs alone.
/// </summary>
[Collection(typeof(AppAloneCollection))]
public sealed class PlanOfCareFlowTests(WebAppFixture app)
{
    [Fact]
    public async Task The_therapist_builds_a_plan_from_the_suggestions_signs_it_and_is_stopped_from_needling_a_patient_on_anticoagulants()
    {
        var ellensEpisode = await app.DemoEpisodeAsync("P000101");
        var danielsEpisode = await app.DemoEpisodeAsync("P000102");
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);

        await page.GotoAsync($"/episodes/{ellensEpisode}/plan");
        await WebAppFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("plan-in-force")).ToContainTextAsync("Version 2 in force");
        await page.GetByTestId("revise-plan").ClickAsync();

        var editor = page.GetByTestId("plan-editor");
        await Expect(editor).ToContainTextAsync("Draft, version 3");
        var suggestions = editor.GetByTestId("suggestion");
        var offered = await suggestions.CountAsync();
        offered.ShouldBeGreaterThan(0);
        var first = suggestions.First;
        var name = (await first.Locator("b").First.TextContentAsync())!.Trim();
        await Expect(first).ToContainTextAsync("answers:");
        await first.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(editor.GetByTestId("plan-saved")).ToBeVisibleAsync();
        await Expect(suggestions).ToHaveCountAsync(offered - 1);
        await Expect(editor.GetByTestId("plan-item").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        if (offered > 1)
        {
            await suggestions.First.GetByRole(AriaRole.Button, new() { Name = "Drop" }).ClickAsync();
            await Expect(suggestions).ToHaveCountAsync(offered - 2);
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await WebAppFixture.ScreenshotAsync(page, "plan-editor.png");

        await editor.GetByTestId("open-sign").ClickAsync();
        await editor.GetByTestId("sign-plan").ClickAsync();
        await Expect(page.GetByTestId("plan-in-force")).ToContainTextAsync("Version 3 in force");
        await Expect(page.GetByTestId("plan-in-force")).ToContainTextAsync("re-certification due");
        await Expect(page.GetByTestId("plan-version-3").GetByTestId("plan-version-item").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("plan-version-2")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("plan-version-1")).ToBeVisibleAsync();

        await page.GotoAsync($"/episodes/{danielsEpisode}/plan");
        await WebAppFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("start-plan").ClickAsync();
        await Expect(page.GetByTestId("plan-editor")).ToBeVisibleAsync();
        await page.GetByLabel("Intervention", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Dry needling", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.GetByLabel("Where", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "In clinic", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("blocked-prescription")).ToHaveTextAsync("Dry needling is blocked: the patient takes anticoagulants.");
        await Expect(page.GetByTestId("plan-item")).ToHaveCountAsync(0);
        await NotePage.ViewportScreenshotAsync(page, "blocked-prescription.png");
    }
}
