using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Account;

public sealed class SessionTests(WebAppFixture app)
{
    [Fact]
    public async Task After_signing_out_a_copy_of_the_cookie_taken_before_only_reaches_sign_in()
    {
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);
        var copied = await page.Context.CookiesAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));

        var thief = await app.NewPageAsync();
        await thief.Context.AddCookiesAsync(copied.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await thief.GotoAsync("/patients/");
        await Expect(thief).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl="));
    }
}

/// <summary>The idle timeout and the sign-in timing: they change the demo clinic or need a quiet machine, so they run alone.</summary>
[Collection(typeof(AppAloneCollection))]
public sealed class IdleSessionTests(WebAppFixture app)
{
    [Fact]
    public async Task A_session_left_alone_past_the_idle_timeout_sends_the_next_request_to_sign_in()
    {
        var idle = TimeSpan.FromSeconds(5);
        await app.SetDemoIdleTimeoutAsync(idle);
        try
        {
            var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);
            // No page of the app stays open: it is the server that ends the session, not the page's timer.
            await page.GotoAsync("about:blank");
            await Task.Delay(idle + PtClinic.Infrastructure.Identity.SignInSessionStore.ActivitySlack(idle) + TimeSpan.FromSeconds(2), Cancel);

            await page.GotoAsync($"{app.BaseUrl}/patients");

            await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Fpatients"));
        }
        finally
        {
            await app.SetDemoIdleTimeoutAsync(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public async Task An_unattended_note_warns_then_saves_the_draft_and_signs_out()
    {
        var visitId = await app.CheckedInVisitAsync("Idle", "Draftsdottir");
        await app.SetDemoIdleTimeoutAsync(TimeSpan.FromSeconds(20));
        try
        {
            var page = await app.SignedInPageAsync(DemoClinic.Therapist);
            await page.GotoAsync($"/visits/{visitId}/note");
            await WebAppFixture.WaitForInteractiveAsync(page);
            await page.GetByLabel("Subjective").FillAsync("Left the desk mid-sentence: pain 6/10 after sitting");

            var warning = page.GetByTestId("idle-warning");
            await Expect(warning).ToContainTextAsync("You will be signed out in", new() { Timeout = 25_000 });
            await WebAppFixture.ScreenshotAsync(page, "idle-warning.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
            await Expect(warning).ToBeHiddenAsync();

            await Expect(warning).ToBeVisibleAsync(new() { Timeout = 25_000 });
            await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?reason=idle"), new() { Timeout = 30_000 });

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(PtClinic.Web.Components.Pages.Account.SignIn.IdleMessage);
            (await app.SubjectiveOfAsync(visitId)).ShouldBe("Left the desk mid-sentence: pain 6/10 after sitting");
            // Signing in again goes back to the note.
            await page.GetByLabel("Email").FillAsync(DemoClinic.Therapist.Email);
            await page.GetByLabel("Password").FillAsync(DemoClinic.Password);
            await app.SetDemoIdleTimeoutAsync(TimeSpan.FromMinutes(15));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/visits/{visitId}/note"));
        }
        finally
        {
            await app.SetDemoIdleTimeoutAsync(TimeSpan.FromMinutes(15));
        }
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;
}
