using System.Security.Claims;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Staff;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// A scope per operation with its current user set, like the Blazor sender does for the signed-in
/// user. A staff actor is looked up in the clinic's staff first: only someone of that clinic, with
/// the roles they hold.
/// </summary>
internal sealed class ClinicOperationRunner(IServiceScopeFactory scopes) : IClinicOperationRunner
{
    public const string StaffAuthenticationType = "PtClinic.Operation";

    public async Task<TResponse> SendAsync<TResponse>(ClinicActor actor, ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = await ScopeAsAsync(actor, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(ClinicActor actor, IQuery<TResponse> query, CancellationToken cancellationToken)
    {
        await using var scope = await ScopeAsAsync(actor, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async Task RunAsync(ClinicActor actor, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = await ScopeAsAsync(actor, cancellationToken);
        await work(scope.ServiceProvider, cancellationToken);
    }

    private async Task<AsyncServiceScope> ScopeAsAsync(ClinicActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = scopes.CreateAsyncScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = actor.StaffId is { } staffId
                ? await StaffPrincipalAsync(scope.ServiceProvider, actor.ClinicId, staffId, cancellationToken)
                : ClaimsCurrentUser.SystemOf(actor.ClinicId);
            return scope;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private static async Task<ClaimsPrincipal> StaffPrincipalAsync(
        IServiceProvider services, Guid clinicId, Guid staffId, CancellationToken cancellationToken)
    {
        var member = await services.GetRequiredService<IStaffDirectory>().FindAsync(clinicId, staffId, cancellationToken)
            ?? throw new InvalidOperationException($"Staff member {staffId} does not belong to clinic {clinicId}.");
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, member.Id.ToString()),
            new(ClinicClaimTypes.ClinicId, clinicId.ToString()),
            new(ClinicClaimTypes.FullName, member.FullName),
        ];
        claims.AddRange(member.Roles.Where(StaffRoles.All.Contains).Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, StaffAuthenticationType));
    }
}
