using Microsoft.Extensions.Logging;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Infrastructure.Jobs;

/// <summary>Deletes sessions that ran out: a browser that was closed never comes back to end its own.</summary>
public sealed partial class EndedSessionsCleanupJob(SignInSessionStore sessions, ILogger<EndedSessionsCleanupJob> logger)
{
    public const string RecurringJobId = "ended-sessions-cleanup";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var removed = await sessions.RemoveEndedAsync(cancellationToken);
        LogRemoved(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} ended sign-in session(s)")]
    private static partial void LogRemoved(ILogger logger, int count);
}
