using System.Net.WebSockets;
using System.Text.Json;
using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>
/// Runs one WebSocket event stream: sends the queued events as JSON text messages while watching for the client's
/// close, and closes the socket itself when the stream's lifetime ends. Incoming messages are read and ignored.
/// </summary>
internal sealed class EventStreamSender(WebSocket socket, JsonSerializerOptions json, PersonalDataView view)
{
    private const int ReceiveBufferBytes = 1024;

    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    public async Task RunAsync(RealtimeSubscription subscription, DateTimeOffset now, CancellationToken lifetime)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        // Receives are never cancelled (that would abort the socket): the close handshake ends them instead.
        var clientClosed = ReceiveUntilCloseAsync();
        var pumping = Quietly(SendAllAsync(subscription, now, stop.Token));
        var first = await Task.WhenAny(clientClosed, pumping);
        await stop.CancelAsync();
        await pumping;
        // RFC 6455 §5.5.1: whoever did not start the close answers it; otherwise we start it and wait for the answer.
        await CloseAsync(first == clientClosed ? "bye" : "stream ended: sign in again or reconnect");
        if (await Task.WhenAny(clientClosed, Task.Delay(CloseWait, CancellationToken.None)) != clientClosed) socket.Abort();
        await Quietly(clientClosed);
    }

    private async Task SendAllAsync(RealtimeSubscription subscription, DateTimeOffset now, CancellationToken cancellation)
    {
        await SendAsync(new { type = "stream.ready", at = now }, cancellation);
        await PumpAsync(subscription, cancellation);
    }

    private async Task PumpAsync(RealtimeSubscription subscription, CancellationToken cancellation)
    {
        long reportedDrops = 0;
        var reader = subscription.Reader;
        while (await reader.WaitToReadAsync(cancellation))
        {
            while (reader.TryRead(out var realtimeEvent))
            {
                if (subscription.Dropped != reportedDrops)
                {
                    reportedDrops = subscription.Dropped;
                    await SendAsync(new { type = "stream.lagged", dropped = reportedDrops }, cancellation);
                }
                await SendAsync(new
                {
                    type = realtimeEvent.Type,
                    at = realtimeEvent.At,
                    callId = realtimeEvent.CallId,
                    data = realtimeEvent.Data(view),
                }, cancellation);
            }
        }
    }

    private async Task ReceiveUntilCloseAsync()
    {
        var buffer = new byte[ReceiveBufferBytes];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close) return;
        }
    }

    private Task SendAsync(object message, CancellationToken cancellation) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, json), WebSocketMessageType.Text, endOfMessage: true, cancellation);

    private async Task CloseAsync(string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(CloseWait);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client is gone; nothing left to tell it.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Expected when the other half ended the stream.
        }
    }
}
