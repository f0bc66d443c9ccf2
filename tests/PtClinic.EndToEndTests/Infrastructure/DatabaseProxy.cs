using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PtClinic.EndToEndTests.Infrastructure;

/// <summary>
/// A TCP relay between the app and its PostgreSQL, so a test can take the database away for a
/// moment without touching the server, which other test runs share: <see cref="CutOff"/> drops every
/// open connection and refuses new ones until <see cref="Restore"/>.
/// </summary>
public sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _cutOff;

    private DatabaseProxy(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port the app connects to instead of PostgreSQL's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static DatabaseProxy To(string host, int port) => new(host, port);

    /// <summary>The database "goes away": open connections break, new ones are refused.</summary>
    public void CutOff()
    {
        _cutOff = true;
        foreach (var (app, database) in _links)
        {
            Drop(app);
            Drop(database);
        }

        _links.Clear();
    }

    /// <summary>
    /// Lets connections through again, and empties the app's connection pools: a connection the cut
    /// dropped mid-message stays in the pool looking open (Npgsql finds out only when it next uses
    /// it, sometimes as a protocol error), and the tests are about what the app does once the
    /// database is back, not about which stale connection a request happens to draw.
    /// </summary>
    public void Restore()
    {
        NpgsqlConnection.ClearAllPools();
        _cutOff = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutOff();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient app;
            try
            {
                app = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_cutOff)
            {
                Drop(app);
                continue;
            }

            _ = RelayAsync(app);
        }
    }

    private async Task RelayAsync(TcpClient app)
    {
        var database = new TcpClient();
        try
        {
            await database.ConnectAsync(_host, _port, _stop.Token);
            _links[app] = database;
            using var link = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = app.GetStream().CopyToAsync(database.GetStream(), link.Token);
            var down = database.GetStream().CopyToAsync(app.GetStream(), link.Token);
            await Task.WhenAny(up, down);
            await link.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped link is what CutOff is for; either side closing ends the relay.
        }
        finally
        {
            _links.TryRemove(app, out _);
            Drop(app);
            Drop(database);
        }
    }

    /// <summary>Closes with a reset, as a crashed server or a cut cable would, not a polite goodbye.</summary>
    private static void Drop(TcpClient client)
    {
        // The other side of the relay may be closing it at the same moment.
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        client.Dispose();
    }
}
