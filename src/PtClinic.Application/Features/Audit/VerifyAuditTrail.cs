using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Audit;

/// <summary>
/// Walks the clinic's audit trail from its first row and reports the first link that does not hold:
/// a row whose contents no longer match its hash, one that does not follow the row before it, or a
/// missing row. <c>./ptclinic.sh audit-verify</c> does the same for every clinic of the host.
/// </summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record VerifyAuditTrailQuery : IQuery<Result<AuditChainReport>>;

public sealed class VerifyAuditTrailHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<VerifyAuditTrailQuery, Result<AuditChainReport>>
{
    public async ValueTask<Result<AuditChainReport>> Handle(VerifyAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var reports = await AuditTrailVerifier.VerifyAsync(db.AuditEvents, cancellationToken);
        return reports.SingleOrDefault() ?? AuditChainReport.Empty(currentUser.ClinicId);
    }
}

/// <param name="ClinicId">Null for the chain of sign-ins no clinic was recognised for.</param>
/// <param name="LatestHash">The last row's hash in hex: note it somewhere else, and a chain rewritten
/// from an earlier row on (which only an owner of the database could do) no longer ends with it.</param>
public sealed record AuditChainReport(Guid? ClinicId, long EventsChecked, AuditChainBreak? FirstBreak, string? LatestHash)
{
    public bool IsIntact => FirstBreak is null;

    public static AuditChainReport Empty(Guid? clinicId) => new(clinicId, 0, null, null);
}

public sealed record AuditChainBreak(long Sequence, long EventId, DateTimeOffset OccurredAt, string Problem);

public static class AuditTrailVerifier
{
    /// <summary>Streams the rows chain by chain, never holding more than one; one report per chain.</summary>
    public static async Task<IReadOnlyList<AuditChainReport>> VerifyAsync(IQueryable<AuditEvent> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var reports = new List<AuditChainReport>();
        Chain? chain = null;
        await foreach (var row in rows.AsNoTracking().OrderBy(e => e.ClinicId).ThenBy(e => e.Sequence).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            if (chain is null || chain.ClinicId != row.ClinicId)
            {
                if (chain is not null)
                {
                    reports.Add(chain.Report());
                }

                chain = new Chain(row.ClinicId);
            }

            chain.Check(row);
        }

        if (chain is not null)
        {
            reports.Add(chain.Report());
        }

        return reports;
    }

    private sealed class Chain(Guid? clinicId)
    {
        private long _checked;
        private long _lastSequence;
        private byte[] _lastHash = [.. AuditEvent.GenesisHash];
        private AuditChainBreak? _break;

        public Guid? ClinicId { get; } = clinicId;

        public void Check(AuditEvent row)
        {
            _checked++;
            if (_break is null)
            {
                var problem =
                    row.Sequence != _lastSequence + 1
                        ? row.Sequence > _lastSequence + 1
                            ? $"Event {_lastSequence + 1} is missing: the trail jumps from {_lastSequence} to {row.Sequence}."
                            : $"Event {row.Sequence} appears twice."
                    : !row.PreviousHash.AsSpan().SequenceEqual(_lastHash)
                        ? $"Event {row.Sequence} does not follow event {_lastSequence}: the link between them was changed."
                    : !AuditChain.HashOf(row).AsSpan().SequenceEqual(row.Hash)
                        ? $"Event {row.Sequence} was changed after it was written: its contents no longer match its hash."
                    : null;
                if (problem is not null)
                {
                    _break = new AuditChainBreak(row.Sequence, row.Id, row.OccurredAt, problem);
                }
            }

            _lastSequence = row.Sequence;
            _lastHash = row.Hash;
        }

        public AuditChainReport Report() => new(ClinicId, _checked, _break, Convert.ToHexStringLower(_lastHash));
    }
}
