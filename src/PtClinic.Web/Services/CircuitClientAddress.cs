using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PtClinic.Web.Services;

/// <summary>
/// The address a Blazor circuit's browser connected from, for the audit trail. A circuit outlives the
/// request that opened it and its events carry no request, so the address is taken when the
/// connection comes up (and again when it reconnects, possibly from elsewhere).
/// </summary>
public sealed class CircuitClientAddress
{
    public string? Value { get; private set; }

    internal sealed class Tracker(CircuitClientAddress address, IHttpContextAccessor http) : CircuitHandler
    {
        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            if (http.HttpContext?.Connection.RemoteIpAddress is { } remote)
            {
                address.Value = remote.ToString();
            }

            return Task.CompletedTask;
        }
    }
}
