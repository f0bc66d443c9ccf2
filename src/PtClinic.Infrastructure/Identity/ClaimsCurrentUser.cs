using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Audit;
using PtClinic.Domain.Staff;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// The current user of one DI scope. In an HTTP request it is the request's user; a Blazor circuit
/// outlives requests, so its sender opens a scope per operation and sets <see cref="Principal"/>, as
/// <see cref="ClinicOperationRunner"/> does for background work.
/// </summary>
public sealed class ClaimsCurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser, IRequestOrigin
{
    /// <summary>
    /// The system actor is recognised by how its principal was made, never by a role claim: no
    /// sign-in issues this authentication type, so no account can become the system, whatever
    /// roles the Identity tables were given.
    /// </summary>
    public const string SystemAuthenticationType = "PtClinic.System";

    public const string SystemDisplayName = "PtClinic (system)";

    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal? Principal
    {
        get => _principal ?? httpContextAccessor.HttpContext?.User;
        set => _principal = value;
    }

    private string? _clientAddress;

    /// <summary>The request's remote address; a circuit's sender sets the one its circuit connected from.</summary>
    public string? ClientAddress
    {
        get => _clientAddress ?? httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        set => _clientAddress = value;
    }

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public bool IsSystem => IsAuthenticated && Principal!.Identity!.AuthenticationType == SystemAuthenticationType;

    public Guid? UserId => IsSystem ? null : ParseGuid(ClaimTypes.NameIdentifier);

    public Guid? ClinicId => ParseGuid(ClinicClaimTypes.ClinicId);

    public string? DisplayName => IsAuthenticated ? Principal!.FindFirstValue(ClinicClaimTypes.FullName) : null;

    public bool IsInRole(string role) => role == StaffRoles.System ? IsSystem : IsAuthenticated && !IsSystem && Principal!.IsInRole(role);

    /// <summary>The system acting for one clinic: the clinic is its only claim that matters.</summary>
    public static ClaimsPrincipal SystemOf(Guid clinicId) => new(new ClaimsIdentity(
        [
            new Claim(ClinicClaimTypes.ClinicId, clinicId.ToString()),
            new Claim(ClinicClaimTypes.FullName, SystemDisplayName),
        ],
        SystemAuthenticationType));

    private Guid? ParseGuid(string claimType) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(claimType), out var id) ? id : null;
}
