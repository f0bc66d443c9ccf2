using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Infrastructure;

/// <summary>The cookie's sessions in PostgreSQL, on a clock the test moves.</summary>
public sealed class SignInSessionTests(AppFixture app) : IntegrationTest(app)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private TestClinic _clinic = default!;
    private SignInSessionStore _sessions = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await TestClinic.CreateAsync(App);
        _sessions = new SignInSessionStore(
            App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            App.Services.GetRequiredService<IDataProtectionProvider>(),
            _clock,
            Options.Create(new SignInSessionOptions { AbsoluteLifetime = TimeSpan.FromHours(12) }));
    }

    [Fact]
    public async Task A_session_signed_out_of_is_refused_afterwards()
    {
        var key = await SignInAsync();
        (await _sessions.RetrieveAsync(key, Cancel)).ShouldNotBeNull();

        await _sessions.RemoveAsync(key, Cancel);

        (await _sessions.RetrieveAsync(key, Cancel)).ShouldBeNull();
        (await App.ReadAsync(db => db.SignInSessions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_session_left_alone_for_the_clinics_idle_timeout_ends()
    {
        var key = await SignInAsync();

        _clock.Advance(TimeSpan.FromMinutes(14));
        (await _sessions.RetrieveAsync(key, Cancel)).ShouldNotBeNull("fourteen quiet minutes of fifteen");
        _clock.Advance(TimeSpan.FromMinutes(15) + SignInSessionStore.ActivitySlack(TimeSpan.FromMinutes(15)) + TimeSpan.FromSeconds(1));

        (await _sessions.RetrieveAsync(key, Cancel)).ShouldBeNull();
        (await App.ReadAsync(db => db.SignInSessions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Activity_reported_from_an_open_page_keeps_the_session_open()
    {
        var key = await SignInAsync();
        var id = Guid.Parse(key);

        for (var i = 0; i < 6; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            (await _sessions.RecordActivityAsync(id, Cancel)).ShouldBe(TimeSpan.FromMinutes(15));
        }

        (await _sessions.RetrieveAsync(key, Cancel)).ShouldNotBeNull("an hour of work, never fifteen minutes quiet");
        (await _sessions.IsActiveAsync(id, Cancel)).ShouldBeTrue();
    }

    [Fact]
    public async Task However_active_a_session_is_it_ends_at_its_absolute_lifetime()
    {
        var key = await SignInAsync();

        for (var hour = 0; hour < 12 * 6 - 1; hour++)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            (await _sessions.RetrieveAsync(key, Cancel)).ShouldNotBeNull($"after {(hour + 1) * 10} minutes");
        }

        _clock.Advance(TimeSpan.FromMinutes(10));
        (await _sessions.RetrieveAsync(key, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task A_shorter_idle_timeout_set_by_the_clinic_applies_to_open_sessions()
    {
        var key = await SignInAsync();
        await App.ReadAsync(db => db.Clinics.IgnoreQueryFilters().Where(c => c.Id == _clinic.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.IdleTimeout, TimeSpan.FromMinutes(5)), Cancel));

        _clock.Advance(TimeSpan.FromMinutes(6));

        (await _sessions.RetrieveAsync(key, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task The_stored_sign_in_is_encrypted_and_reads_back_whole()
    {
        var key = await SignInAsync();

        var stored = await App.ReadAsync(db => db.SignInSessions.SingleAsync());
        Encoding.UTF8.GetString(stored.Ticket).ShouldNotContain("Test Staff");
        stored.UserId.ShouldBe(TestClinic.IdOf(_clinic.Therapist));
        stored.ClinicId.ShouldBe(_clinic.Id);
        var ticket = (await _sessions.RetrieveAsync(key, Cancel))!;
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(TestClinic.IdOf(_clinic.Therapist).ToString());
        SignInSessionStore.SessionIdOf(ticket.Principal).ShouldBe(Guid.Parse(key));
    }

    [Fact]
    public async Task The_clean_up_removes_ended_sessions_and_keeps_open_ones()
    {
        await SignInAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        var open = await SignInAsync();

        (await _sessions.RemoveEndedAsync(Cancel)).ShouldBe(1);

        (await App.ReadAsync(db => db.SignInSessions.Select(s => s.Id).ToListAsync())).ShouldBe([Guid.Parse(open)]);
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private Task<string> SignInAsync() =>
        _sessions.StoreAsync(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(_clinic.Therapist.Claims, "Identity.Application")), "Identity.Application"), Cancel);
}
