using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using PtClinic.Web.Components.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests;

public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task The_demo_therapist_signs_in_and_sees_their_name_role_and_clinic()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "sign-in.png") });

        await page.GetByLabel("Email").FillAsync(DemoClinic.Therapist.Email);
        await page.GetByLabel("Password").FillAsync(DemoClinic.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Maya Lindqvist");
        await Expect(page.GetByTestId("home-role")).ToHaveTextAsync("Therapist");
        await Expect(page.GetByTestId("home-clinic")).ToHaveTextAsync(DemoClinic.Name);
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync("Maya Lindqvist");
        // Other browser tests register patients in the same database: the demo's five at least.
        await Expect(page.GetByTestId("patient-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^([5-9]|\d{2,})$"));
        // The demo therapist's day is booked by the seeder.
        await Expect(page.GetByTestId("visits-today")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "home.png") });
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_whether_the_user_exists()
    {
        var page = await app.NewPageAsync();

        var wrongPassword = await TrySignInAsync(page, DemoClinic.Therapist.Email, "Not-the-password-1");
        var unknownUser = await TrySignInAsync(page, "nobody@demo.ptclinic.org", DemoClinic.Password);

        wrongPassword.ShouldBe(SignIn.FailedMessage);
        unknownUser.ShouldBe(wrongPassword);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Empty_fields_get_a_message_next_to_each_field()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.Locator(".field-error").Nth(0)).ToHaveTextAsync("Enter your email.");
        await Expect(page.Locator(".field-error").Nth(1)).ToHaveTextAsync("Enter your password.");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await app.SignedInPageAsync(DemoClinic.FrontDesk);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GotoAsync("/patients");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fpatients"));
    }

    [Fact]
    public async Task After_signing_in_the_person_lands_on_the_page_they_asked_for()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/patients");

        await page.GetByLabel("Email").FillAsync(DemoClinic.FrontDesk.Email);
        await page.GetByLabel("Password").FillAsync(DemoClinic.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Patients");
        // The demo clinic's ~200 patients, alphabetically, 25 a page: a full first page (the header row and 25).
        await Expect(page.GetByRole(AriaRole.Row).Nth(25)).ToBeVisibleAsync();
    }

    private static async Task<string> TrySignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var alert = page.Locator(".account-error[role=alert]");
        await alert.WaitForAsync();
        return (await alert.InnerTextAsync()).Trim();
    }
}
