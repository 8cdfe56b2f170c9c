using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Huawu.Interop.Tests.Robot;

/// <summary>
/// An agent's console as a browser has it: signed in over the API (session cookie) with the realtime event stream
/// (<c>GET /api/v1/events</c>, RFC 6455 WebSocket) open. Every wait is bounded.
/// </summary>
internal sealed class AgentScreen : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];

    private AgentScreen(ClientWebSocket socket) => _socket = socket;

    /// <summary>Signs in and opens the stream; returns once the server said <c>stream.ready</c> (the subscription exists).</summary>
    public static async Task<AgentScreen> OpenAsync(int httpPort, string username, string password)
    {
        var origin = "http://127.0.0.1:" + httpPort.ToString(CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = new Uri(origin) };
        using var signIn = await http.PostAsJsonAsync(new Uri("/api/v1/session", UriKind.Relative), new { username, password });
        Assert.True(signIn.StatusCode == HttpStatusCode.OK, $"sign-in: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        // A cookie-authenticated stream must come from the console's own origin (RFC 6455 §10.2).
        socket.Options.SetRequestHeader("Origin", origin);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/api/v1/events"), timeout.Token);
        var screen = new AgentScreen(socket);
        Assert.Equal("stream.ready", (await screen.ReceiveAsync(timeout.Token))?.GetProperty("type").GetString());
        return screen;
    }

    /// <summary>The first event of <paramref name="type"/> from now on (others are skipped).</summary>
    public async Task<JsonElement> WaitForAsync(string type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await ReceiveAsync(timeout.Token) is { } message)
        {
            if (message.GetProperty("type").GetString() == type) return message;
        }
        Assert.Fail($"the event stream closed before a '{type}' event");
        return default;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        _socket.Dispose();
    }

    private async Task<JsonElement?> ReceiveAsync(CancellationToken cancellation)
    {
        var length = 0;
        while (true)
        {
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellation);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            length += received.Count;
            if (received.EndOfMessage) return JsonDocument.Parse(_buffer.AsMemory(0, length)).RootElement.Clone();
        }
    }
}
