using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Web.Services;

/// <summary>
/// How components send commands and queries. A Blazor Server circuit is one long-lived DI scope, so a
/// DbContext taken from it would grow stale and be shared by concurrent events; this opens a fresh
/// scope for every operation and carries the circuit's signed-in user (and the address it connected
/// from) into it.
/// </summary>
public sealed class OperationSender(
    IServiceScopeFactory scopes, AuthenticationStateProvider authentication, CircuitClientAddress clientAddress)
{
    public Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        RunAsync((sender, ct) => sender.Send(command, ct), cancellationToken);

    public Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        RunAsync((sender, ct) => sender.Send(query, ct), cancellationToken);

    private async Task<TResponse> RunAsync<TResponse>(
        Func<ISender, CancellationToken, ValueTask<TResponse>> send, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>();
        user.Principal = state.User;
        user.ClientAddress = clientAddress.Value;
        return await send(scope.ServiceProvider.GetRequiredService<ISender>(), cancellationToken);
    }
}
