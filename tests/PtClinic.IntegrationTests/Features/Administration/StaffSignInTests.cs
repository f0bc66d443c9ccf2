using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Features.Administration;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.Web.Components.Pages.Account;

namespace PtClinic.IntegrationTests.Features.Administration;

/// <summary>
/// The sign-in rules as the web app applies them: its real sign-in and password pages, its
/// cookie and its redirects, over the same database the commands write to.
/// </summary>
public sealed partial class StaffSignInTests(AppFixture app) : IntegrationTest(app)
{
    private const string OwnPassword = "Knots-Untied-2027";

    [Fact]
    public async Task A_new_therapist_signs_in_with_the_temporary_password_and_must_choose_a_new_one_before_any_page()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var created = (await App.SendAsync(admin, new CreateStaffMemberCommand(
            "Ines Carvalho", "ines@northside.example", StaffRoles.Therapist, "Physiotherapist, MSc", null))).Ok();
        await using var web = new WebApp(App.Database.ConnectionString);
        var browser = web.Browser();

        var signIn = await web.SignInAsync(browser, "ines@northside.example", created.TemporaryPassword, returnUrl: "/patients");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Target(signIn).ShouldBe("/account/choose-password?returnUrl=%2Fpatients");
        foreach (var page in new[] { "/", "/patients", "/today", "/admin/staff", "/clinic/logo" })
        {
            var response = await browser.GetAsync(page, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            Target(response).ShouldStartWith("/account/choose-password?returnUrl=", customMessage: page);
        }

        var mismatch = await web.ChoosePasswordAsync(browser, OwnPassword, "Knots-Untied-2028");
        (await mismatch.Content.ReadAsStringAsync(Cancel)).ShouldContain("The two passwords are not the same.");
        var same = await web.ChoosePasswordAsync(browser, created.TemporaryPassword, created.TemporaryPassword);
        (await same.Content.ReadAsStringAsync(Cancel)).ShouldContain(StaffPasswords.SameAsTemporary);
        var weak = await web.ChoosePasswordAsync(browser, "knots", "knots");
        (await weak.Content.ReadAsStringAsync(Cancel)).ShouldContain("Use at least 12 characters.");

        var chosen = await web.ChoosePasswordAsync(browser, OwnPassword, OwnPassword, returnUrl: "/patients");

        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Target(chosen).ShouldBe("/patients");
        (await browser.GetAsync("/patients", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The temporary password is gone; the chosen one signs in straight to the page asked for.
        var fresh = web.Browser();
        (await web.SignInAsync(fresh, "ines@northside.example", created.TemporaryPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await web.SignInAsync(fresh, "ines@northside.example", OwnPassword);
        Target(again).ShouldBe("/");
        (await browser.GetAsync("/", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deactivated_therapist_is_refused_at_sign_in_and_the_notes_they_signed_keep_their_name()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var maya = TestClinic.IdOf(clinic.Therapist);
        var mayaEmail = await GivePasswordAsync(maya, OwnPassword);
        var (_, visitId) = await clinic.SignedVisitAsync();
        await using var web = new WebApp(App.Database.ConnectionString);
        (await web.SignInAsync(web.Browser(), mayaEmail, OwnPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await App.SendAsync(admin, new DeactivateStaffMemberCommand(maya))).Ok();

        var refused = await web.SignInAsync(web.Browser(), mayaEmail, OwnPassword);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldContain(WebUtility.HtmlEncode(SignIn.FailedMessage));
        refused.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(cookie => cookie.StartsWith("ptclinic.auth=", StringComparison.Ordinal));
        var note = await clinic.NoteAsync(visitId, clinic.Manager);
        note.SignedBy.ShouldBe("Maya Lindqvist");
        note.TherapistName.ShouldBe("Maya Lindqvist");
        note.LastEditedBy.ShouldBe("Maya Lindqvist");
    }

    [Fact]
    public async Task Deactivating_a_therapist_ends_the_session_they_have_open()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var maya = TestClinic.IdOf(clinic.Therapist);
        var mayaEmail = await GivePasswordAsync(maya, OwnPassword);
        // The app re-checks a session's security stamp every minute; here at every request.
        await using var web = new WebApp(App.Database.ConnectionString, checkSessionsEveryRequest: true);
        var browser = web.Browser();
        await web.SignInAsync(browser, mayaEmail, OwnPassword);
        (await browser.GetAsync("/patients", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await App.SendAsync(admin, new DeactivateStaffMemberCommand(maya))).Ok();

        var afterwards = await browser.GetAsync("/patients", Cancel);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Target(afterwards).ShouldStartWith("/account/sign-in?");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copy_of_the_cookie_opens_nothing()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var mayaEmail = await GivePasswordAsync(TestClinic.IdOf(clinic.Therapist), OwnPassword);
        await using var web = new WebApp(App.Database.ConnectionString);
        var browser = web.Browser();
        var signIn = await web.SignInAsync(browser, mayaEmail, OwnPassword);
        var cookie = AuthCookie(signIn);
        (await web.WithCookie(cookie).GetAsync("/patients", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signOut = await web.SignOutAsync(browser);

        Target(signOut).ShouldBe("/account/sign-in");
        var replayed = await web.WithCookie(cookie).GetAsync("/patients", Cancel);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Target(replayed).ShouldStartWith("/account/sign-in?");
        (await App.ReadAsync(db => db.SignInSessions.CountAsync(Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_GET_or_a_POST_without_the_antiforgery_token_does_not_sign_out()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var mayaEmail = await GivePasswordAsync(TestClinic.IdOf(clinic.Therapist), OwnPassword);
        await using var web = new WebApp(App.Database.ConnectionString);
        var browser = web.Browser();
        await web.SignInAsync(browser, mayaEmail, OwnPassword);

        await browser.GetAsync("/account/sign-out", Cancel);
        var forged = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent([]), Cancel);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/patients", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.ReadAsync(db => db.SignInSessions.CountAsync(Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_address_get_a_page_saying_to_wait()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var mayaEmail = await GivePasswordAsync(TestClinic.IdOf(clinic.Therapist), OwnPassword);
        await using var web = new WebApp(App.Database.ConnectionString, signInAttemptsPerMinute: 3);
        var browser = web.Browser();
        for (var i = 0; i < 3; i++)
        {
            (await web.SignInAsync(browser, "nobody@northside.example", "Not-the-password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await web.SignInAsync(browser, mayaEmail, OwnPassword);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldContain(WebUtility.HtmlEncode(PtClinic.Web.Security.SignInRateLimits.TooManyMessage));
        (await browser.GetAsync("/account/sign-in", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the page is not an attempt");
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_and_nine_do_not()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var mayaEmail = await GivePasswordAsync(TestClinic.IdOf(clinic.Therapist), OwnPassword);
        // Accounts made by the app can be locked; test staff are written straight to the table.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.SetLockoutEnabledAsync((await users.FindByEmailAsync(mayaEmail))!, true)).Succeeded.ShouldBeTrue();
        }

        await using var web = new WebApp(App.Database.ConnectionString);
        var browser = web.Browser();
        for (var i = 0; i < 9; i++)
        {
            await web.SignInAsync(browser, mayaEmail, "Not-the-password-1");
        }

        (await web.SignInAsync(browser, mayaEmail, OwnPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "nine failures, then the right password");
        for (var i = 0; i < 10; i++)
        {
            await web.SignInAsync(web.Browser(), mayaEmail, "Not-the-password-1");
        }

        var locked = await web.SignInAsync(web.Browser(), mayaEmail, OwnPassword);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync(Cancel)).ShouldContain(WebUtility.HtmlEncode(SignIn.FailedMessage));
    }

    [Fact]
    public async Task An_admin_whose_clinic_requires_an_authenticator_must_set_one_up_before_any_page()
    {
        // New clinics require it of admins and managers.
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var samEmail = await GivePasswordAsync(TestClinic.IdOf(admin), OwnPassword);
        await using var web = new WebApp(App.Database.ConnectionString);
        var browser = web.Browser();

        await web.SignInAsync(browser, samEmail, OwnPassword);

        foreach (var page in new[] { "/", "/patients", "/admin/clinic" })
        {
            var response = await browser.GetAsync(page, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            Target(response).ShouldBe($"/account/profile?returnUrl={Uri.EscapeDataString(page)}", customMessage: page);
        }

        var profile = await browser.GetStringAsync("/account/profile", Cancel);
        profile.ShouldContain("Your clinic asks you to set up an authenticator app before you go on.");
        profile.ShouldContain("data:image/png;base64,");
        profile.ShouldNotContain("Not now: back to PtClinic");
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ptclinic.auth=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>Where a redirect points, as a path and query (the app writes some absolute, some relative).</summary>
    private static string Target(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    /// <summary>Test staff have no password; this one gets <paramref name="password"/> as their own.</summary>
    private async Task<string> GivePasswordAsync(Guid userId, string password)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        (await users.AddPasswordAsync(user, password)).Succeeded.ShouldBeTrue();
        return user.Email!;
    }

    /// <summary>The web app in memory, and plain HTTP clients that keep cookies and do not follow redirects.</summary>
    private sealed partial class WebApp(string connectionString, bool checkSessionsEveryRequest = false, int signInAttemptsPerMinute = 1000)
        : WebApplicationFactory<Program>
    {
        public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        /// <summary>Another client that sends only a copied cookie, as someone who got hold of it would.</summary>
        public HttpClient WithCookie(string cookie)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            return client;
        }

        /// <summary>The sign-out button of a page: a form with its antiforgery token.</summary>
        public async Task<HttpResponseMessage> SignOutAsync(HttpClient browser)
        {
            var page = await browser.GetStringAsync("/patients", Xunit.TestContext.Current.CancellationToken);
            var token = AntiforgeryToken().Match(page);
            token.Success.ShouldBeTrue("no antiforgery token on /patients");
            return await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            }), Xunit.TestContext.Current.CancellationToken);
        }

        public Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string? returnUrl = null) =>
            PostFormAsync(browser, "/account/sign-in" + Query(returnUrl), "sign-in", new()
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });

        public Task<HttpResponseMessage> ChoosePasswordAsync(HttpClient browser, string password, string repeat, string? returnUrl = null) =>
            PostFormAsync(browser, "/account/choose-password" + Query(returnUrl), "choose-password", new()
            {
                ["Input.NewPassword"] = password,
                ["Input.RepeatPassword"] = repeat,
            });

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Database:SeedDemo", "false");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting(PtClinic.Web.Security.SignInRateLimits.PermitsSetting, signInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (checkSessionsEveryRequest)
            {
                builder.ConfigureTestServices(services =>
                    services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero));
            }
        }

        private static string Query(string? returnUrl) => returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}";

        /// <summary>As a browser does: load the form (for its antiforgery token), then post it.</summary>
        private static async Task<HttpResponseMessage> PostFormAsync(
            HttpClient browser, string path, string formName, Dictionary<string, string> fields)
        {
            var form = await browser.GetStringAsync(path, Xunit.TestContext.Current.CancellationToken);
            var token = AntiforgeryToken().Match(form);
            token.Success.ShouldBeTrue($"no antiforgery token on {path}");
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value);
            fields["_handler"] = formName;
            return await browser.PostAsync(path, new FormUrlEncodedContent(fields), Xunit.TestContext.Current.CancellationToken);
        }

        [GeneratedRegex(""""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken"""")]
        private static partial Regex AntiforgeryToken();
    }
}
