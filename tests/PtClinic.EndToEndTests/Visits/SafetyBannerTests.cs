using Microsoft.Playwright;
using PtClinic.Domain.Patients;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Visits;

/// <summary>No one needles or presses blind: the flags are at the top of the note and on the Today row.</summary>
public sealed class SafetyBannerTests(WebAppFixture app)
{
    [Fact]
    public async Task A_patient_on_anticoagulants_shows_a_banner_on_the_note_and_chips_on_today()
    {
        var family = $"Okoro{Guid.NewGuid().ToString("N")[..6]}";
        var visitId = await app.CheckedInVisitAsync("Daniela", family,
            MedicalHistory.None with { AnticoagulantUse = true, DeepVeinThrombosisHistory = true });
        var page = await app.SignedInPageAsync(DemoClinic.Therapist);
        await NotePage.OpenAsync(page, visitId);

        var banner = page.GetByTestId("safety-banner");
        await Expect(banner.GetByTestId("medical-flags")).ToHaveTextAsync("Anticoagulant use · History of deep-vein thrombosis");
        await Expect(banner.GetByTestId("red-flags")).ToHaveCountAsync(0);

        // A red flag recorded at this visit joins the banner as soon as it is saved.
        await NotePage.WatchForSaveAsync(page);
        await NotePage.CheckAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Night pain" }));
        await NotePage.SavedAsync(page);
        await Expect(banner.GetByTestId("red-flags")).ToHaveTextAsync("Night pain");
        await page.GetByLabel("Subjective").FillAsync("Calf aches at night; on warfarin since a DVT last year.");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await NotePage.ViewportScreenshotAsync(page, "note-banner.png");

        await page.GotoAsync("/today");
        await WebAppFixture.WaitForInteractiveAsync(page);
        var chips = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Daniela {family}" }).GetByTestId("safety-chips");
        await Expect(chips).ToContainTextAsync("Anticoagulant use");
        await Expect(chips).ToContainTextAsync("History of deep-vein thrombosis");
        await Expect(chips).ToContainTextAsync("Red flag: Night pain");
        await NotePage.ViewportScreenshotAsync(page, "today-safety-chips.png");
    }
}
