namespace PtClinic.Domain.Audit;

/// <summary>
/// One thing that happened to a health record or an account (FHIR AuditEvent; HIPAA §164.312(b)):
/// who, in which role and clinic, when, what, to which record and patient, from where, and how it
/// ended. Never what the record says: no note text, no findings, only ids. Append-only; the database
/// numbers each clinic's events and chains each to the one before by hash, so a changed or removed
/// row is found by <c>audit-verify</c> (docs/security.md).
/// </summary>
public sealed class AuditEvent
{
    public const int RolesMaxLength = 200;
    public const int OperationMaxLength = 100;
    public const int EntityTypeMaxLength = 100;
    public const int AccountMaxLength = 256;
    public const int ClientAddressMaxLength = 64;
    public const int CodeMaxLength = 16;

    /// <summary>The hash a clinic's first event is chained to.</summary>
    public static IReadOnlyList<byte> GenesisHash { get; } = new byte[32];

    private AuditEvent()
    {
        ActorRoles = string.Empty;
        Action = string.Empty;
        Operation = string.Empty;
        Outcome = string.Empty;
        // Null until the database's trigger sets them: EF Core then leaves them out of the INSERT
        // and reads them back.
        PreviousHash = null!;
        Hash = null!;
    }

    public long Id { get; private set; }

    /// <summary>Null for a sign-in with an email no clinic knows: those are chained together.</summary>
    public Guid? ClinicId { get; private set; }

    /// <summary>Position in the clinic's chain, from 1; set by the database.</summary>
    public long Sequence { get; private set; }

    /// <summary>Set by the database when the row is written, so it cannot be backdated.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The staff member; null for the system and for a sign-in nobody was recognised for.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The roles the actor held, comma-separated ("System" for background work).</summary>
    public string ActorRoles { get; private set; }

    /// <inheritdoc cref="AuditActions"/>
    public string Action { get; private set; }

    /// <summary>The use case: the command or query's name, or the sign-in step.</summary>
    public string Operation { get; private set; }

    public string? EntityType { get; private set; }

    public Guid? EntityId { get; private set; }

    public Guid? PatientId { get; private set; }

    /// <summary>The email a sign-in was tried with; null for everything else.</summary>
    public string? Account { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <inheritdoc cref="AuditOutcomes"/>
    public string Outcome { get; private set; }

    /// <summary>The hash of the clinic's previous event (<see cref="GenesisHash"/> for the first).</summary>
    public byte[] PreviousHash { get; private set; }

    /// <summary>SHA-256 of <see cref="PreviousHash"/> and this row's fields (<see cref="AuditChain"/>).</summary>
    public byte[] Hash { get; private set; }

    public static AuditEvent Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditEvent
        {
            ClinicId = entry.ClinicId,
            ActorId = entry.ActorId,
            ActorRoles = Clip(entry.ActorRoles, RolesMaxLength)!,
            Action = entry.Action,
            Operation = Clip(entry.Operation, OperationMaxLength)!,
            EntityType = Clip(entry.EntityType, EntityTypeMaxLength),
            EntityId = entry.EntityId,
            PatientId = entry.PatientId,
            Account = Clip(entry.Account, AccountMaxLength),
            ClientAddress = Clip(entry.ClientAddress, ClientAddressMaxLength),
            Outcome = entry.Outcome,
        };
    }

    // What was tried is recorded as far as it fits: a refused oversize email must still leave its trace.
    private static string? Clip(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : value[..maxLength];
}

/// <summary>What an audit row says happened, before the database numbers and chains it.</summary>
public sealed record AuditEntry(
    Guid? ClinicId,
    Guid? ActorId,
    string ActorRoles,
    string Action,
    string Operation,
    string Outcome,
    string? EntityType = null,
    Guid? EntityId = null,
    Guid? PatientId = null,
    string? Account = null,
    string? ClientAddress = null);

/// <summary>FHIR AuditEvent.action, in words.</summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    /// <summary>A use case that is neither (a sign-in, signing a note).</summary>
    public const string Execute = "execute";

    public static IReadOnlyList<string> All { get; } = [Read, Create, Update, Delete, Execute];
}

/// <summary>How it ended.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    /// <summary>The role or clinic does not allow it.</summary>
    public const string Denied = "denied";
    /// <summary>No such record in the actor's clinic (another clinic's id reads the same).</summary>
    public const string NotFound = "not-found";
    /// <summary>A sign-in with a wrong password or code.</summary>
    public const string Failure = "failure";
    /// <summary>A sign-in refused because the account is locked out.</summary>
    public const string LockedOut = "locked-out";

    public static IReadOnlyList<string> All { get; } = [Success, Denied, NotFound, Failure, LockedOut];
}
