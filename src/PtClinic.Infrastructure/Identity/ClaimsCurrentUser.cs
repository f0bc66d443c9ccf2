using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using PtClinic.Application.Common.Abstractions;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// The current user of one DI scope. In an HTTP request it is the request's user; a Blazor circuit
/// outlives requests, so its sender opens a scope per operation and sets <see cref="Principal"/>.
/// </summary>
public sealed class ClaimsCurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal? Principal
    {
        get => _principal ?? httpContextAccessor.HttpContext?.User;
        set => _principal = value;
    }

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => ParseGuid(ClaimTypes.NameIdentifier);

    public Guid? ClinicId => ParseGuid(ClinicClaimTypes.ClinicId);

    public string? DisplayName => IsAuthenticated ? Principal!.FindFirstValue(ClinicClaimTypes.FullName) : null;

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    private Guid? ParseGuid(string claimType) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(claimType), out var id) ? id : null;
}
