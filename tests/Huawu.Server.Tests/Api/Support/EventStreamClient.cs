using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>A live-event subscriber over the test server's WebSocket client; every wait is bounded.</summary>
internal sealed class EventStreamClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;

    private EventStreamClient(WebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public static Task<EventStreamClient> ConnectAsync(ApiHost host, string username) =>
        ConnectAsync(host, request => request.Headers.Authorization = "Bearer " + host.World.TokenOf(username));

    /// <summary>Connects and waits for <c>stream.ready</c>, so the subscription exists before the test publishes.</summary>
    public static async Task<EventStreamClient> ConnectAsync(ApiHost host, Action<HttpRequest> configure)
    {
        var client = host.Server.CreateWebSocketClient();
        client.ConfigureRequest = configure;
        using var timeout = new CancellationTokenSource(Patience);
        var stream = new EventStreamClient(await client.ConnectAsync(new Uri("ws://localhost/api/v1/events"), timeout.Token));
        var ready = await stream.ReceiveAsync();
        Assert.Equal("stream.ready", ready?.GetProperty("type").GetString());
        return stream;
    }

    /// <summary>The next message, or null once the server closed the stream.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            length += received.Count;
            if (received.EndOfMessage) return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
        }
    }

    /// <summary>The next <paramref name="count"/> messages, waiting for each.</summary>
    public async Task<List<JsonElement>> NextAsync(int count)
    {
        var messages = new List<JsonElement>();
        for (var i = 0; i < count; i++) messages.Add(await ReceiveAsync() ?? throw new InvalidOperationException($"closed after {i} messages"));
        return messages;
    }

    /// <summary>Every message the server queued for this stream so far: sends a ping and reads up to its pong.</summary>
    public async Task<List<JsonElement>> DrainAsync()
    {
        await _socket.SendAsync("""{"type":"ping"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var messages = new List<JsonElement>();
        while (await ReceiveAsync() is { } message && message.GetProperty("type").GetString() != "stream.pong") messages.Add(message);
        return messages;
    }

    /// <summary>Reads until the server closes the stream, and returns what came before.</summary>
    public async Task<List<JsonElement>> UntilClosedAsync()
    {
        var messages = new List<JsonElement>();
        while (await ReceiveAsync() is { } message) messages.Add(message);
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Patience);
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        _socket.Dispose();
    }

    public static string Describe(JsonElement message) =>
        message.GetProperty("type").GetString() + "@" + (message.TryGetProperty("callId", out var id) ? id.GetString() : "");
}
