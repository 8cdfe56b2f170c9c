using System.Net;
using System.Threading.Channels;
using Huawu.Sip.Diagnostics;

namespace Huawu.Sip.Transport;

/// <summary>
/// A connection of a stream transport: one read loop framing messages (RFC 3261 §18.3) and one write loop draining
/// a queue, both on the thread pool. TCP opens a socket stream; TLS will wrap it. The connection closes itself on
/// end of stream, on an I/O error, on a framing error, when a message stalls, and when idle.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "A connection owns its lifetime: its run loop disposes the token source when both loops end.")]
internal abstract partial class StreamConnection
{
    private readonly Channel<PendingSend> outbox =
        Channel.CreateUnbounded<PendingSend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource closing = new();
    private readonly AwaitingAnswers awaitingAnswers = new();
    private int closed;
    private long lastActivity;

    protected StreamConnection(IStreamConnectionHost host, IPEndPoint remoteEndPoint)
    {
        Host = host;
        RemoteEndPoint = remoteEndPoint;
        lastActivity = host.Time.GetTimestamp();
    }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsOpen => Volatile.Read(ref closed) == 0;

    protected IStreamConnectionHost Host { get; }

    /// <summary>How long since the connection last read or wrote anything.</summary>
    public TimeSpan IdleFor => Host.Time.GetElapsedTime(Interlocked.Read(ref lastActivity));

    /// <summary>Starts the loops; the connection runs until it closes.</summary>
    public void Start() => _ = RunAsync();

    /// <summary>Queues a message; if the connection closes before it is written, <paramref name="onFailure"/> is told.</summary>
    public void Send(ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure)
    {
        if (!outbox.Writer.TryWrite(new PendingSend(message, onFailure)))
        {
            Host.Counters.Increment(SipCounter.TransportErrors);
            onFailure?.OnSendFailed();
        }
    }

    /// <summary>Closes once; queued messages fail, and the owner removes the connection from its table.</summary>
    public void Close(SipCounter? reason = null)
    {
        if (Interlocked.Exchange(ref closed, 1) != 0) return;
        if (reason is { } counted) Host.Counters.Increment(counted);
        closing.Cancel();
        Abort();
        outbox.Writer.TryComplete();
        while (outbox.Reader.TryRead(out var pending))
        {
            Host.Counters.Increment(SipCounter.TransportErrors);
            pending.OnFailure?.OnSendFailed();
        }
        StopDeadline();
        Host.OnClosed(this);
        // pjsip does the same: a request whose connection broke will not get its answer over it (RFC 3261 §18.2.2
        // lets the server open a new one, but a client cannot count on that).
        foreach (var awaiting in awaitingAnswers.TakeAll()) awaiting.OnSendFailed();
    }

    /// <summary>Opens the byte stream: connects an outgoing socket, or wraps an accepted one.</summary>
    protected abstract Task<Stream> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Tears the transport down so pending reads and writes end.</summary>
    protected abstract void Abort();

    private async Task RunAsync()
    {
        Stream stream;
        try
        {
            stream = await OpenAsync(closing.Token);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Close(SipCounter.TransportErrors);
            return;
        }
        await using (stream)
        {
            var writing = WriteLoopAsync(stream);
            await ReadLoopAsync(stream);
            Close();
            await writing;
        }
        closing.Dispose();
    }

    private async Task WriteLoopAsync(Stream stream)
    {
        PendingSend current = default;
        try
        {
            while (await outbox.Reader.WaitToReadAsync(closing.Token))
            {
                while (outbox.Reader.TryRead(out current))
                {
                    await stream.WriteAsync(current.Message, closing.Token);
                    Touch();
                    Host.Counters.Increment(SipCounter.MessagesSent);
                    if (current.OnFailure is { IsAwaitingResponse: true } awaiting) awaitingAnswers.Track(awaiting);
                    current = default;
                }
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (current.Message.Length > 0)
            {
                Host.Counters.Increment(SipCounter.TransportErrors);
                current.OnFailure?.OnSendFailed();
            }
            Close();
        }
    }

    private void Touch() => Interlocked.Exchange(ref lastActivity, Host.Time.GetTimestamp());

    private readonly record struct PendingSend(ReadOnlyMemory<byte> Message, ISendFailureHandler? OnFailure);
}
