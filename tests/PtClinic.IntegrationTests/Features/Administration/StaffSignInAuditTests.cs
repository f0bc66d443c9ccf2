using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Infrastructure.Identity;
using PtClinic.Domain.Audit;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Administration;

public sealed partial class StaffSignInTests
{
    [Fact]
    public async Task Sign_in_successes_failures_and_lockouts_are_in_the_audit_trail_with_the_email_and_address()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var mayaId = TestClinic.IdOf(clinic.Therapist);
        var mayaEmail = await GivePasswordAsync(mayaId, OwnPassword);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.SetLockoutEnabledAsync((await users.FindByEmailAsync(mayaEmail))!, true)).Succeeded.ShouldBeTrue();
        }

        await using var web = new WebApp(App.Database.ConnectionString);
        await web.SignInAsync(web.Browser(), mayaEmail, OwnPassword);
        for (var i = 0; i < 10; i++)
        {
            await web.SignInAsync(web.Browser(), mayaEmail, "Not-the-password-1");
        }

        var nobody = $"nobody-{Guid.NewGuid():N}@northside.example";
        await web.SignInAsync(web.Browser(), nobody, OwnPassword);

        var rows = await App.ReadAsync(db => db.AuditEvents.IgnoreQueryFilters()
            .Where(e => e.ClinicId == clinic.Id && e.ActorId == mayaId)
            .OrderBy(e => e.Sequence).ToListAsync());
        rows.Select(r => r.Outcome).ShouldBe(
            [AuditOutcomes.Success, .. Enumerable.Repeat(AuditOutcomes.Failure, 9), AuditOutcomes.LockedOut]);
        rows.ShouldAllBe(r => r.Operation == "SignIn" && r.Account == mayaEmail);
        rows.ShouldAllBe(r => r.EntityType == "Account" && r.EntityId == mayaId);
        var unknown = await App.ReadAsync(db => db.AuditEvents.IgnoreQueryFilters().SingleAsync(e => e.Account == nobody));
        unknown.ClinicId.ShouldBeNull();
        unknown.ActorId.ShouldBeNull();
        unknown.Outcome.ShouldBe(AuditOutcomes.Failure);
    }
}
