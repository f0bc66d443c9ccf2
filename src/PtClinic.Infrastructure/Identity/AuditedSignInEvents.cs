using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PtClinic.Domain.Audit;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Every sign-in outcome as an audit row (account, email tried, address) in the account's clinic's
/// chain, or in the chain of sign-ins of no clinic for an email nobody has; and in the log, without
/// the email. The same two statements run whether or not the email has an account.
/// </summary>
internal sealed class AuditedSignInEvents(IDbContextFactory<AppDbContext> contexts, LoggingSignInEvents log) : ISignInEvents
{
    public const string Operation = "SignIn";

    public async Task RecordAsync(SignInEvent signInEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signInEvent);
        await log.RecordAsync(signInEvent, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.StaffMembers.IgnoreQueryFilters()
            .Where(s => s.Id == signInEvent.AccountId)
            .Select(s => new { s.ClinicId, s.Role })
            .SingleOrDefaultAsync(cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(new AuditEntry(
            account?.ClinicId,
            signInEvent.AccountId,
            account?.Role ?? "",
            AuditActions.Execute,
            OperationOf(signInEvent.Outcome),
            OutcomeOf(signInEvent.Outcome),
            EntityType: signInEvent.AccountId is null ? null : "Account",
            EntityId: signInEvent.AccountId,
            Account: signInEvent.EmailTried,
            ClientAddress: signInEvent.ClientAddress)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string OperationOf(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.TwoFactorRequired => "SignInPassword",
        SignInOutcome.TwoFactorFailed => "SignInTwoFactor",
        SignInOutcome.RecoveryCodeUsed => "SignInRecoveryCode",
        _ => Operation,
    };

    private static string OutcomeOf(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded or SignInOutcome.TwoFactorRequired or SignInOutcome.RecoveryCodeUsed => AuditOutcomes.Success,
        SignInOutcome.LockedOut => AuditOutcomes.LockedOut,
        SignInOutcome.NotAllowed => AuditOutcomes.Denied,
        _ => AuditOutcomes.Failure,
    };
}
