using System.Net.WebSockets;
using System.Text.Json;
using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>
/// Runs one WebSocket event stream: sends the queued events as JSON text messages while watching for the client's
/// close, and closes the socket itself when the stream's lifetime ends.
/// </summary>
internal sealed class EventStreamSender(WebSocket socket, JsonSerializerOptions json, PersonalDataView view, TimeProvider time)
{
    private const int ReceiveBufferBytes = 1024;

    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    public async Task RunAsync(RealtimeSubscription subscription, CancellationToken lifetime)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        // Receives are never cancelled (that would abort the socket): the close handshake ends them instead.
        var clientClosed = ReceiveUntilCloseAsync(subscription);
        var pumping = Quietly(SendAllAsync(subscription, stop.Token));
        var first = await Task.WhenAny(clientClosed, pumping);
        await stop.CancelAsync();
        await pumping;
        // RFC 6455 §5.5.1: whoever did not start the close answers it; otherwise we start it and wait for the answer.
        await CloseAsync(first == clientClosed ? "bye" : "stream ended: sign in again or reconnect");
        if (await Task.WhenAny(clientClosed, Task.Delay(CloseWait, CancellationToken.None)) != clientClosed) socket.Abort();
        await Quietly(clientClosed);
    }

    private async Task SendAllAsync(RealtimeSubscription subscription, CancellationToken cancellation)
    {
        await SendAsync(new { type = "stream.ready", at = time.GetUtcNow() }, cancellation);
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

    // Clients may send {"type":"ping"}: the pong is queued behind every event already queued for them, so its
    // arrival tells the client it has seen everything sent its way so far. Anything else is ignored.
    private async Task ReceiveUntilCloseAsync(RealtimeSubscription subscription)
    {
        var buffer = new byte[ReceiveBufferBytes];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close) return;
            if (received is { MessageType: WebSocketMessageType.Text, EndOfMessage: true } && IsPing(buffer.AsSpan(0, received.Count)))
                subscription.Offer(new RealtimeEvent("stream.pong", time.GetUtcNow(), null, EventAudience.Unassigned, _ => null));
        }
    }

    private static bool IsPing(ReadOnlySpan<byte> message)
    {
        try
        {
            var reader = new Utf8JsonReader(message);
            return JsonDocument.TryParseValue(ref reader, out var document)
                && document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("type", out var type) && type.ValueEquals("ping");
        }
        catch (JsonException)
        {
            return false;
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
