using System.Collections.Concurrent;
using System.Net;
using Huawu.Sip.Diagnostics;

namespace Huawu.Sip.Transport;

/// <summary>
/// The open connections of one stream transport, indexed by the far end's address and port (RFC 3261 §18), bounded
/// by <see cref="SipConnectionLimits.MaxConnections"/>, and swept for idle connections.
/// </summary>
internal sealed class ConnectionTable : IDisposable
{
    // Every open connection, and the one to reuse per far end (a newer connection to the same address replaces an
    // older one there, which stays open and listed).
    private readonly ConcurrentDictionary<StreamConnection, byte> all = new();
    private readonly ConcurrentDictionary<IPEndPoint, StreamConnection> byRemote = new();
    private readonly SipConnectionLimits limits;
    private readonly ITimer sweep;
    private int count;

    public ConnectionTable(SipConnectionLimits limits, TimeProvider time)
    {
        this.limits = limits;
        // Checking four times per idle period closes an idle connection at most a quarter period late.
        var period = limits.IdleTimeout / 4;
        sweep = time.CreateTimer(static state => ((ConnectionTable)state!).CloseIdle(), this, period, period);
    }

    public int Count => Volatile.Read(ref count);

    /// <summary>Takes a place for a new connection; false when the table is full (the caller refuses or fails it).</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref count) <= limits.MaxConnections) return true;
        Interlocked.Decrement(ref count);
        return false;
    }

    /// <summary>Lists a connection in a reserved place; it gives the place back through <see cref="Remove"/> when it closes.</summary>
    public void Register(StreamConnection connection)
    {
        all[connection] = 0;
        byRemote[connection.RemoteEndPoint] = connection;
    }

    /// <summary>The open connection to <paramref name="remote"/>, if any.</summary>
    public bool TryGet(IPEndPoint remote, out StreamConnection connection) =>
        byRemote.TryGetValue(remote, out connection!) && connection.IsOpen;

    public void Remove(StreamConnection connection)
    {
        byRemote.TryRemove(new KeyValuePair<IPEndPoint, StreamConnection>(connection.RemoteEndPoint, connection));
        if (all.TryRemove(connection, out _)) Interlocked.Decrement(ref count);
    }

    public void CloseAll()
    {
        foreach (var connection in all.Keys) connection.Close();
    }

    private void CloseIdle()
    {
        foreach (var connection in all.Keys)
        {
            if (connection.IdleFor >= limits.IdleTimeout) connection.Close(SipCounter.ConnectionsClosedIdle);
        }
    }

    public void Dispose() => sweep.Dispose();
}
