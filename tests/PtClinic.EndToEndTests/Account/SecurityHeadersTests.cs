using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Account;

public sealed class SecurityHeadersTests(WebAppFixture app)
{
    [Fact]
    public async Task A_page_response_carries_the_security_headers_and_no_server_name()
    {
        var page = await app.NewPageAsync();

        var response = (await page.GotoAsync("/account/sign-in"))!;

        var headers = await response.AllHeadersAsync();
        var policy = headers["content-security-policy"];
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("script-src 'self' 'nonce-");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldNotContain("unsafe-eval");
        policy.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        headers["x-content-type-options"].ShouldBe("nosniff");
        headers["referrer-policy"].ShouldBe("no-referrer");
        headers["permissions-policy"].ShouldContain("camera=()");
        headers.ShouldNotContainKey("server");
        // Development over http: no HSTS (the browser would refuse http://localhost for a year).
        headers.ShouldNotContainKey("strict-transport-security");
    }

    [Fact]
    public async Task The_main_pages_run_under_the_content_security_policy_without_a_violation()
    {
        var visitId = await app.CheckedInVisitAsync("Csp", "Strictsson");
        var patientId = await app.PatientOfVisitAsync(visitId);
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", (e) =>
                console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
            """);

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(DemoClinic.Therapist.Email);
        await page.GetByLabel("Password").FillAsync(DemoClinic.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WebAppFixture.WaitForInteractiveAsync(page);
        foreach (var path in new[] { "/today", $"/patients/{patientId}", $"/visits/{visitId}/note", "/account/profile" })
        {
            await page.GotoAsync(path);
            if (path != "/account/profile")
            {
                await WebAppFixture.WaitForInteractiveAsync(page);
            }

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        }

        violations.ShouldBeEmpty();
    }
}
