using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Features.Audit;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Audit;

/// <summary>
/// <c>./ptclinic.sh audit-verify</c>: every chain of the host (each clinic's, and the one of sign-ins
/// no clinic was recognised for), checked from its first row; exit code 0 when all hold, 3 when one
/// does not.
/// </summary>
public static class AuditTrailCheck
{
    public const int BrokenExitCode = 3;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        var names = await db.Clinics.IgnoreQueryFilters().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var reports = await AuditTrailVerifier.VerifyAsync(db.AuditEvents.IgnoreQueryFilters(), cancellationToken);

        foreach (var report in reports)
        {
            var chain = report.ClinicId is { } id ? $"{names.GetValueOrDefault(id, "(unknown clinic)")} ({id})" : "sign-ins of no clinic";
            await output.WriteLineAsync(report.FirstBreak is { } broken
                ? $"BROKEN  {chain}: at event {broken.Sequence} (id {broken.EventId}, {broken.OccurredAt:u}): {broken.Problem}"
                : $"intact  {chain}: {report.EventsChecked} events, latest hash {report.LatestHash}");
        }

        var brokenCount = reports.Count(r => !r.IsIntact);
        await output.WriteLineAsync(reports.Count == 0
            ? "The audit trail is empty."
            : brokenCount == 0
                ? $"All {reports.Count} audit chains are intact."
                : $"{brokenCount} of {reports.Count} audit chains are broken: the first broken event of each is listed above.");
        return brokenCount == 0 ? 0 : BrokenExitCode;
    }
}
