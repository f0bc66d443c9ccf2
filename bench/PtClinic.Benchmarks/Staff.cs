using System.Security.Claims;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Benchmarks;

/// <summary>A signed-in staff member, and sending as them the way the app does.</summary>
internal static class Staff
{
    public static ClaimsPrincipal Member(Guid clinicId, Guid userId, string fullName, string role) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(ClinicClaimTypes.ClinicId, clinicId.ToString()),
                new Claim(ClinicClaimTypes.FullName, fullName),
                new Claim(ClaimTypes.Role, role),
            ],
            authenticationType: "Bench"));

    /// <summary>
    /// As OperationSender (Blazor) and the integration tests' SendAsync: a fresh DI scope (so a fresh
    /// DbContext) per operation, the user set on it, then the whole pipeline. All of it is timed.
    /// </summary>
    public static async Task<TResponse> SendAsync<TResponse>(
        IServiceProvider services, ClaimsPrincipal user, IQuery<TResponse> query, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, ct);
    }

    /// <summary>The scope part of <see cref="SendAsync{TResponse}(IServiceProvider, ClaimsPrincipal, IQuery{TResponse}, CancellationToken)"/> alone.</summary>
    public static async Task ScopeOnlyAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        _ = scope.ServiceProvider.GetRequiredService<ISender>();
    }

    public static async Task<TResponse> SendAsync<TResponse>(
        IServiceProvider services, ClaimsPrincipal user, ICommand<TResponse> command, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
    }
}
