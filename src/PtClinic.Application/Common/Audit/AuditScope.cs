using PtClinic.Domain.Audit;

namespace PtClinic.Application.Common.Audit;

/// <summary>
/// The command running in this scope, as the audit trail will describe it. The save that writes the
/// command's changes adds its audit row in the same transaction (once per command), naming the record
/// it changed and that record's patient; a command that changes nothing gets its row from the audit
/// behaviour afterwards.
/// </summary>
public sealed class AuditScope
{
    private AuditEntry? _pending;

    /// <summary>Set by the audit behaviour for a command: who and which use case; the save fills in the rest.</summary>
    public void Begin(AuditEntry entry) => _pending = entry;

    /// <summary>The command's entry the first time its changes are saved; null after that, and outside a command.</summary>
    public AuditEntry? TakePending()
    {
        var pending = _pending;
        _pending = null;
        return pending;
    }

    /// <summary>Whether the command's changes were saved with their audit row.</summary>
    public bool Written { get; private set; }

    public void MarkWritten() => Written = true;
}
