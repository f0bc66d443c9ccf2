using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>How long a sign-in lasts at most, whatever the activity (the idle timeout is the clinic's).</summary>
public sealed class SignInSessionOptions
{
    public const string Section = "Sessions";

    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// The cookie's sessions, kept in PostgreSQL so every web node sees a sign-out at once. A session
/// ends when it is removed (signing out), at its absolute end, or when it has gone unused for
/// longer than its clinic's idle timeout.
/// <para>
/// Activity is written at most once per <see cref="ActivitySlack"/> (a minute, or a tenth of a short
/// timeout), so a busy page does not write on every request; an idle session is refused once it is
/// quiet for the timeout plus that slack. Measured from the last real activity that is never less
/// than the timeout, and at most one slack more. The browser signs out on the dot.
/// </para>
/// </summary>
public sealed class SignInSessionStore(
    IDbContextFactory<AppDbContext> contexts,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    IOptions<SignInSessionOptions> options) : ITicketStore
{
    public const string SessionIdClaimType = "ptclinic:session_id";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PtClinic.SignInSessions.v1");

    public static TimeSpan ActivitySlack(TimeSpan idleTimeout) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, idleTimeout.Ticks / 10));

    /// <summary>The session id the page's user carries, if they signed in through a session.</summary>
    public static Guid? SessionIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(SessionIdClaimType), out var id) ? id : null;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var id = Guid.CreateVersion7();
        var (userId, clinicId) = OwnerOf(ticket);
        WithSessionId(ticket, id);

        await using var db = await contexts.CreateDbContextAsync();
        db.SignInSessions.Add(SignInSession.Start(id, userId, clinicId, Protect(ticket), clock.GetUtcNow(), options.Value.AbsoluteLifetime));
        await db.SaveChangesAsync();
        return id.ToString();
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>
    /// A renewed ticket replaces the stored one; the session's ends stay. Identity renews when it
    /// refreshes the claims (every minute), and the cookie handler when someone signs in again in
    /// a browser that has a session, possibly as another person: the row follows the ticket.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }

        var (userId, clinicId) = OwnerOf(ticket);
        WithSessionId(ticket, id);
        var protectedTicket = Protect(ticket);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SignInSessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Ticket, protectedTicket).SetProperty(x => x.UserId, userId).SetProperty(x => x.ClinicId, clinicId),
                cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await ActiveAsync(db, id, recordActivity: true, cancellationToken);
        return session is null ? null : Unprotect(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(key, out var id))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The person did something in an open page (which sends no HTTP request). Null when the
    /// session has ended; else the idle timeout, which the page counts down from now.
    /// </summary>
    public async Task<TimeSpan?> RecordActivityAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ActiveAsync(db, sessionId, recordActivity: true, cancellationToken))?.IdleTimeout;
    }

    /// <summary>Whether the session is still open, without counting the question as activity.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ActiveAsync(db, sessionId, recordActivity: false, cancellationToken) is not null;
    }

    /// <summary>Ends every session that has run out; the clean-up job calls it, since an abandoned browser never asks again.</summary>
    public async Task<int> RemoveEndedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var longest = Domain.Clinics.Clinic.LongestIdleTimeout + ActivitySlack(Domain.Clinics.Clinic.LongestIdleTimeout);
        return await db.SignInSessions
            .Where(s => s.ExpiresAt <= now || s.LastActivityAt < now - longest)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<ActiveSession?> ActiveAsync(AppDbContext db, Guid id, bool recordActivity, CancellationToken cancellationToken)
    {
        var session = await (
                from s in db.SignInSessions.AsNoTracking()
                join c in db.Clinics.IgnoreQueryFilters() on s.ClinicId equals c.Id
                where s.Id == id
                select new { s.Ticket, s.LastActivityAt, s.ExpiresAt, c.IdleTimeout })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var slack = ActivitySlack(session.IdleTimeout);
        if (now >= session.ExpiresAt || now - session.LastActivityAt > session.IdleTimeout + slack)
        {
            await db.SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (recordActivity && now - session.LastActivityAt >= slack)
        {
            await db.SignInSessions.Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, now), cancellationToken);
        }

        return new ActiveSession(session.Ticket, session.IdleTimeout);
    }

    private static (Guid UserId, Guid ClinicId) OwnerOf(AuthenticationTicket ticket) => (
        Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs a signed-in user.")),
        Guid.Parse(ticket.Principal.FindFirstValue(ClinicClaimTypes.ClinicId)
            ?? throw new InvalidOperationException("A session needs the user's clinic.")));

    private static void WithSessionId(AuthenticationTicket ticket, Guid id)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionIdClaimType))
        {
            identity.AddClaim(new Claim(SessionIdClaimType, id.ToString()));
        }
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] stored)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A key that was revoked or lost: the person signs in again.
            return null;
        }
    }

    private sealed record ActiveSession(byte[] Ticket, TimeSpan IdleTimeout);
}
