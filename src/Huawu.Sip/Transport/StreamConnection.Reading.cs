using System.Buffers;
using System.IO.Pipelines;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Framing;

namespace Huawu.Sip.Transport;

// The read side: framing, keep-alives and the deadline for a started message.
internal abstract partial class StreamConnection
{
    // RFC 5626 §3.5.1: a "\r\n\r\n" ping is answered with a single "\r\n" pong.
    private static readonly ReadOnlyMemory<byte> Pong = "\r\n"u8.ToArray();

    private ITimer? deadline;
    // Read by the deadline timer, written by the read loop.
    private volatile bool deadlineArmed;

    private async Task ReadLoopAsync(Stream stream)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
        var framer = new SipStreamFramer(Host.Limits.Framing);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(closing.Token);
                Touch();
                var buffer = result.Buffer;
                if (!DeliverFrames(framer, ref buffer)) return;
                // A message has started but not completed: it must complete before the deadline (slowloris).
                UpdateDeadline(messageStarted: !buffer.IsEmpty);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled) return;
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>Hands every complete frame on; false when the stream cannot be framed and the connection closed.</summary>
    private bool DeliverFrames(SipStreamFramer framer, ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            var frame = framer.Read(ref buffer);
            switch (frame.Kind)
            {
                case SipFrameKind.NeedMoreData:
                    return true;
                case SipFrameKind.Message:
                    Host.Counters.Increment(SipCounter.MessagesReceived);
                    Host.Deliver(new ReceivedMessage(frame.Message.ToArray(), Host.Transport, RemoteEndPoint, this));
                    break;
                case SipFrameKind.KeepAlivePing:
                    Host.Counters.Increment(SipCounter.KeepAlivesAnswered);
                    Send(Pong, null);
                    break;
                case SipFrameKind.KeepAliveCrlf:
                    break;
                default:
                    // Oversized headers or body, no Content-Length, a stray CR: the stream cannot be resynchronized.
                    Close(SipCounter.ConnectionsClosedMalformed);
                    return false;
            }
        }
    }

    private void UpdateDeadline(bool messageStarted)
    {
        if (messageStarted == deadlineArmed) return;
        deadlineArmed = messageStarted;
        if (messageStarted)
        {
            deadline ??= Host.Time.CreateTimer(static state => ((StreamConnection)state!).OnDeadline(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            deadline.Change(Host.Limits.MessageDeadline, Timeout.InfiniteTimeSpan);
        }
        else
        {
            deadline?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDeadline()
    {
        if (deadlineArmed) Close(SipCounter.ConnectionsClosedSlow);
    }

    private void StopDeadline() => deadline?.Dispose();
}
