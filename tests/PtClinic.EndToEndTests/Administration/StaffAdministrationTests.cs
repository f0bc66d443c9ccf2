using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Administration;

/// <summary>
/// Clinic administration as an admin does it: a new therapist with a dry-needling certificate,
/// and the therapist's first sign-in with the temporary password they were given. The database
/// is shared with the other browser tests, so the new therapist has a name of their own.
/// </summary>
public sealed class StaffAdministrationTests(WebAppFixture app)
{
    [Fact]
    public async Task The_admin_adds_a_therapist_with_a_dry_needling_credential_who_then_chooses_their_own_password()
    {
        var family = "Virtanen" + Guid.NewGuid().ToString("N")[..6];
        var name = $"Aino {family}";
        var email = $"aino.{family.ToLowerInvariant()}@demo.ptclinic.org";
        var admin = await app.SignedInPageAsync(DemoClinic.Admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Staff", Level = 1 })).ToBeVisibleAsync();
        await Expect(StaffRow(admin, "Maya Lindqvist")).ToContainTextAsync("Dry needling");
        await Expect(StaffRow(admin, "Maya Lindqvist").Locator("[data-testid='credential'][data-expired='true']")).ToContainTextAsync("expired");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Add staff member" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add staff member" }).ClickAsync();
        await Expect(dialog.GetByText("Enter the staff member's name.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Enter the staff member's email; it is how they sign in.")).ToBeVisibleAsync();
        await WebAppFixture.ScreenshotAsync(dialog, "staff-add-dialog.png");
        await dialog.GetByLabel("Full name").FillAsync(name);
        await dialog.GetByLabel("Professional title").FillAsync("Physiotherapist, BSc");
        await dialog.GetByLabel("Licence number").FillAsync("HCPC PH130077");
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add staff member" }).ClickAsync();

        var password = dialog.GetByTestId("temporary-password");
        await Expect(password).ToHaveTextAsync(new Regex(@"^[A-Z][a-z]{2}\d-[A-Z][a-z]{2}\d-[A-Z][a-z]{2}\d$"));
        await Expect(dialog.GetByTestId("copy-hint")).ToContainTextAsync("shown only this once");
        var temporaryPassword = await password.InnerTextAsync();
        await WebAppFixture.ScreenshotAsync(dialog, "staff-temporary-password.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var row = StaffRow(admin, name);
        await Expect(row).ToContainTextAsync("Therapist");
        await Expect(row.GetByTestId("staff-sign-in")).ToHaveTextAsync("Has a temporary password");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Credentials of {name}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await WebAppFixture.WaitForInteractiveAsync(admin);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Add credential" }).ClickAsync();
        await Expect(admin.GetByText("Choose the kind of credential.")).ToBeVisibleAsync();
        await Expect(admin.GetByText("Enter who issued the credential.")).ToBeVisibleAsync();
        await admin.GetByLabel("Kind", new() { Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Dry-needling certification", Exact = true }).ClickAsync();
        await admin.GetByLabel("Issuer").FillAsync("Acupuncture Association of Chartered Physiotherapists");
        await admin.GetByLabel("Certificate or registration number").FillAsync("AACP-DN-40412");
        var issued = DateTime.Today.AddMonths(-3);
        var expires = DateTime.Today.AddYears(3);
        await admin.GetByLabel("Issued on").FillAsync(issued.ToString("dd/MM/yyyy"));
        await admin.GetByLabel("Issued on").PressAsync("Tab");
        await admin.GetByLabel("Expires on").FillAsync(expires.ToString("dd/MM/yyyy"));
        await admin.GetByLabel("Expires on").PressAsync("Tab");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add credential" }).ClickAsync();
        var credential = admin.GetByTestId("credential-row");
        await Expect(credential).ToHaveCountAsync(1);
        await Expect(credential).ToContainTextAsync("Dry-needling certification");
        await Expect(credential).ToContainTextAsync("AACP-DN-40412");
        await Expect(credential).ToContainTextAsync("Current");
        await WebAppFixture.ScreenshotAsync(admin, "staff-credentials.png");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).First.ClickAsync();
        row = StaffRow(admin, name);
        await Expect(row.GetByTestId("credential")).ToContainTextAsync($"Dry needling · until {expires:d MMM yyyy}");
        await Expect(row.GetByTestId("staff-status")).ToHaveTextAsync("Active");
        await WebAppFixture.ScreenshotAsync(admin, "staff.png");

        // The new therapist's first sign-in: the temporary password, then a password of their own.
        var therapist = await app.NewPageAsync();
        await therapist.GotoAsync("/today");
        await therapist.GetByLabel("Email").FillAsync(email);
        await therapist.GetByLabel("Password").FillAsync(temporaryPassword);
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(therapist).ToHaveURLAsync(new Regex("/account/choose-password\\?returnUrl=%2Ftoday$"));
        await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await therapist.GotoAsync("/patients");
        await Expect(therapist).ToHaveURLAsync(new Regex("/account/choose-password"));
        await therapist.GetByLabel("New password", new() { Exact = true }).FillAsync("Aino-Own-Password-7");
        await therapist.GetByLabel("Repeat the new password").FillAsync("Aino-Own-Password-8");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Save password and continue" }).ClickAsync();
        await Expect(therapist.Locator(".field-error")).ToHaveTextAsync("The two passwords are not the same. Type the new password twice.");
        await Expect(therapist.GetByLabel("New password", new() { Exact = true })).ToHaveValueAsync("");
        await therapist.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, "choose-password.png") });
        await therapist.GetByLabel("New password", new() { Exact = true }).FillAsync("Aino-Own-Password-7");
        await therapist.GetByLabel("Repeat the new password").FillAsync("Aino-Own-Password-7");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Save password and continue" }).ClickAsync();
        await WebAppFixture.WaitForInteractiveAsync(therapist);
        await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Patients", Level = 1 })).ToBeVisibleAsync();
        await Expect(therapist.GetByTestId("user-badge")).ToContainTextAsync(name);

        await admin.ReloadAsync();
        await WebAppFixture.WaitForInteractiveAsync(admin);
        await Expect(StaffRow(admin, name).GetByTestId("staff-sign-in")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task Staff_pages_are_for_admins_only_and_not_in_anyone_elses_menu()
    {
        var manager = await app.SignedInPageAsync(DemoClinic.Manager);

        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Staff" })).ToHaveCountAsync(0);
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Clinic settings" })).ToHaveCountAsync(0);
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Handout illustrations" })).ToHaveCountAsync(0);
        await manager.GotoAsync("/admin/staff");

        // Refused by the server before the page renders, and said so.
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "You don't have access to this page" })).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("staff-row")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_sees_the_clinic_settings_with_the_logo_and_a_disguised_program_is_refused()
    {
        var admin = await app.SignedInPageAsync(DemoClinic.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Clinic settings" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Clinic settings", Level = 1 })).ToBeVisibleAsync();
        await WebAppFixture.WaitForInteractiveAsync(admin);

        await Expect(admin.GetByLabel("Clinic name")).ToHaveValueAsync(DemoClinic.Name);
        await Expect(admin.GetByLabel("Phone")).ToHaveValueAsync(DemoClinic.Phone);
        await Expect(admin.GetByLabel("Monday opens")).ToHaveValueAsync("08:00");
        await Expect(admin.GetByLabel("Sunday opens")).ToBeDisabledAsync();
        var logo = admin.GetByRole(AriaRole.Img, new() { Name = $"Logo of {DemoClinic.Name}" });
        await Expect(logo).ToBeVisibleAsync();
        (await logo.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0);
        // Served as the uploaded file it is: nothing in it may run or load, even opened on its own.
        var served = await admin.APIRequest.GetAsync("/clinic/logo");
        served.Headers["content-security-policy"].ShouldBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        served.Headers["x-content-type-options"].ShouldBe("nosniff");

        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        await admin.GetByLabel("Choose a logo file").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = exe });
        await Expect(admin.GetByTestId("logo-error")).ToHaveTextAsync("This file is not a PNG, JPEG or SVG image. Choose the logo as one of those.");
        await Expect(logo).ToBeVisibleAsync();

        await admin.GetByLabel("Saturday closes").FillAsync("08:30");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(admin.GetByText("On Saturday the clinic must close after it opens.")).ToBeVisibleAsync();
        await WebAppFixture.ScreenshotAsync(admin, "clinic-settings.png");
        await admin.GetByLabel("Saturday closes").FillAsync("13:00");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");
    }

    private static ILocator StaffRow(IPage page, string name) =>
        page.GetByTestId("staff-row").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
}
