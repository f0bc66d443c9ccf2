namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// One signed-in browser. The cookie carries only <see cref="Id"/>; the sign-in itself (the
/// protected authentication ticket) stays here, so signing out deletes the row and a copy of the
/// cookie opens nothing afterwards. Not filtered by clinic: it is read before anyone is signed in.
/// </summary>
public sealed class SignInSession
{
    private SignInSession()
    {
        Ticket = [];
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid ClinicId { get; private set; }

    /// <summary>The authentication ticket, serialized and encrypted with the data-protection keys.</summary>
    public byte[] Ticket { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last request or reported activity in a page; the idle timeout counts from here.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>The absolute end, however active the session is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public static SignInSession Start(Guid id, Guid userId, Guid clinicId, byte[] ticket, DateTimeOffset at, TimeSpan lifetime) => new()
    {
        Id = id,
        UserId = userId,
        ClinicId = clinicId,
        Ticket = ticket,
        CreatedAt = at,
        LastActivityAt = at,
        ExpiresAt = at + lifetime,
    };
}
