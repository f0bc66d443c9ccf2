using Microsoft.Extensions.Logging;

namespace PtClinic.Infrastructure.Identity;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Wrong password, or no such account (the two look the same from outside).</summary>
    Failed,

    /// <summary>Too many failures: the account is locked for a while.</summary>
    LockedOut,

    /// <summary>The account may not sign in (deactivated staff).</summary>
    NotAllowed,

    /// <summary>The password was right; the authenticator code is asked for next.</summary>
    TwoFactorRequired,

    TwoFactorFailed,

    /// <summary>Signed in with a one-time recovery code instead of the authenticator.</summary>
    RecoveryCodeUsed,
}

/// <param name="AccountId">The account the email belongs to; null when it belongs to none.</param>
/// <param name="EmailTried">What was typed, as typed: the only trace of an attempt on an unknown email.</param>
public sealed record SignInEvent(SignInOutcome Outcome, Guid? AccountId, string EmailTried, string? ClientAddress, DateTimeOffset At);

/// <summary>Every sign-in outcome goes through here, so one place decides how attempts are kept.</summary>
public interface ISignInEvents
{
    Task RecordAsync(SignInEvent signInEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Sign-in outcomes in the log. The email tried is left out: logs travel further than the
/// database, and a mistyped password is sometimes typed into the email field.
/// </summary>
internal sealed partial class LoggingSignInEvents(ILogger<LoggingSignInEvents> logger) : ISignInEvents
{
    public Task RecordAsync(SignInEvent signInEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signInEvent);
        var level = signInEvent.Outcome is SignInOutcome.Succeeded or SignInOutcome.TwoFactorRequired ? LogLevel.Information : LogLevel.Warning;
        Log(logger, level, signInEvent.Outcome, signInEvent.AccountId, signInEvent.ClientAddress);
        return Task.CompletedTask;
    }

    [LoggerMessage(Message = "Sign-in {Outcome} for account {AccountId} from {ClientAddress}")]
    private static partial void Log(ILogger logger, LogLevel level, SignInOutcome outcome, Guid? accountId, string? clientAddress);
}
