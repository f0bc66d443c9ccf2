using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Features.Administration;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Seeding;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Administration;

/// <summary>Identity's password rules as the app configures them (ASVS 2.1): length, not composition, and no common passwords.</summary>
public sealed class PasswordRulesTests(AppFixture app) : IntegrationTest(app)
{
    public static TheoryData<string, string> Refused() => new()
    {
        { "knots-untie", "Use at least 12 characters." },
        { "password1234", CommonPasswordValidator.CommonMessage },
        { "PASSWORD1234", CommonPasswordValidator.CommonMessage },
        { "Qwertyuiop2026!", CommonPasswordValidator.CommonMessage },
        { "!!Superman1999!!", CommonPasswordValidator.CommonMessage },
        { "123456789012", CommonPasswordValidator.CommonMessage },
        { "ines@northside.example", CommonPasswordValidator.EmailMessage },
        { new string('x', 129), CommonPasswordValidator.TooLongMessage },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_short_or_common_password_is_refused_with_a_sentence(string password, string message)
    {
        var errors = await ValidateAsync(password);

        errors.ShouldContain(message);
    }

    [Theory]
    [InlineData(DemoClinic.Password)]
    [InlineData("correct horse battery staple")]
    [InlineData("knots behind the thigh")]
    [InlineData("ämnesomsättning på kvällen")]
    [InlineData("aaaaaaaaaaaabbbb")]
    public async Task A_long_password_needs_no_digit_capital_or_symbol(string password)
    {
        (await ValidateAsync(password)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Temporary_passwords_an_admin_hands_out_pass_the_rules()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);

        for (var i = 0; i < 20; i++)
        {
            var created = (await App.SendAsync(admin, new CreateStaffMemberCommand(
                $"Staff {i}", $"staff{i}@northside.example", StaffRoles.Therapist, null, null))).Ok();
            (await ValidateAsync(created.TemporaryPassword)).ShouldBeEmpty(created.TemporaryPassword);
        }
    }

    private async Task<IReadOnlyList<string>> ValidateAsync(string password)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "ines@northside.example", Email = "ines@northside.example" };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }
}
