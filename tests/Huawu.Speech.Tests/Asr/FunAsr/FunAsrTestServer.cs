using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Huawu.Speech.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Huawu.Speech.Tests.Asr.FunAsr;

/// <summary>
/// A local server speaking the FunASR runtime's WebSocket protocol, scripted per test. <see cref="Recognize2Pass"/>
/// behaves like funasr-wss-server-2pass: it re-chunks the audio into 800-sample pieces (websocket-server-2pass.cpp),
/// answers each with a <c>2pass-online</c> piece of text, a sentence with <c>2pass-offline</c>, and the last with
/// <c>is_final: true</c> after <c>{"is_speaking": false}</c>. Its "recognizer" reads the synthetic test audio: a 100 ms
/// piece of constant sample value k × 1000 is the digit k in Chinese, a piece of silence ends a sentence.
/// </summary>
internal sealed class FunAsrTestServer : IAsyncDisposable
{
    public const string Digits = "零一二三四五六七八九";
    private readonly LocalHttpServer _http;

    private FunAsrTestServer(LocalHttpServer http) => _http = http;

    /// <summary>What the server does with the next connection; tests may switch it between sessions.</summary>
    public Func<Connection, Task> Behavior { get; set; } = Recognize2Pass;

    /// <summary>How many WebSocket upgrades were asked for (including refused ones).</summary>
    public int Attempts => _attempts;

    public ConcurrentQueue<Connection> Connections { get; } = new();

    public Uri Url => new($"ws://{_http.Address.Authority}/");

    private int _attempts;

    /// <summary>Answers the upgrade with 503, as a server that is up but not serving would.</summary>
    public bool Refuse { get; set; }

    public static async Task<FunAsrTestServer> StartAsync()
    {
        FunAsrTestServer? server = null;
        var http = await LocalHttpServer.StartAsync(context => server!.HandleAsync(context));
        server = new FunAsrTestServer(http);
        return server;
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        if (Refuse || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var connection = new Connection(await context.WebSockets.AcceptWebSocketAsync(), context);
        Connections.Enqueue(connection);
        try
        {
            await Behavior(connection);
        }
        catch (WebSocketException)
        {
            // The client went away; the test looks at what was received.
        }
    }

    /// <summary>The 2pass server's answers for the synthetic audio.</summary>
    public static async Task Recognize2Pass(Connection connection)
    {
        var start = await connection.ReceiveStartAsync();
        var online = (string?)start["mode"] == "online";
        var pending = new List<byte>();
        var sentence = new StringBuilder();
        while (await connection.ReceiveAsync() is { } message)
        {
            if (message.Text is null)
            {
                pending.AddRange(message.Binary!);
                // websocket-server-2pass.cpp decodes in 800-sample (1600-byte) steps.
                while (pending.Count >= 1600)
                {
                    var value = BitConverter.ToInt16([pending[0], pending[1]]);
                    pending.RemoveRange(0, 1600);
                    if (value == 0)
                    {
                        if (sentence.Length > 0 && !online) await connection.SendAsync(Result("2pass-offline", sentence + "。", false, start));
                        if (!online) sentence.Clear();
                    }
                    else
                    {
                        var word = Digits[value / 1000].ToString();
                        sentence.Append(word);
                        await connection.SendAsync(Result(online ? "online" : "2pass-online", word, false, start));
                    }
                }
                continue;
            }
            if ((bool?)JsonNode.Parse(message.Text)!["is_speaking"] == false)
            {
                // The last message: the rest of the sentence, corrected (2pass), or just the end (online).
                await connection.SendAsync(online || sentence.Length == 0
                    ? new JsonObject { ["text"] = "", ["wav_name"] = (string?)start["wav_name"], ["is_final"] = true }
                    : Result("2pass-offline", sentence + "。", true, start));
                await connection.ReceiveAsync();
                return;
            }
        }
    }

    public static JsonObject Result(string mode, string text, bool isFinal, JsonObject start) =>
        new() { ["mode"] = mode, ["text"] = text, ["wav_name"] = (string?)start["wav_name"], ["is_final"] = isFinal };

    /// <summary>One client connection: what it sent, and ways to answer.</summary>
    public sealed class Connection(WebSocket socket, HttpContext context)
    {
        public JsonObject? Start { get; private set; }

        public List<byte[]> AudioFrames { get; } = [];

        public List<string> TextMessages { get; } = [];

        public async Task<JsonObject> ReceiveStartAsync()
        {
            var first = await ReceiveAsync() ?? throw new InvalidOperationException("closed before the first message");
            Start = JsonNode.Parse(first.Text ?? throw new InvalidOperationException("the first message must be text"))!.AsObject();
            return Start;
        }

        /// <summary>The next message (text or binary), or null when the client closed.</summary>
        public async Task<(string? Text, byte[]? Binary)?> ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return null;
                }
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Text)
            {
                var text = Encoding.UTF8.GetString(message.ToArray());
                TextMessages.Add(text);
                return (text, null);
            }
            AudioFrames.Add(message.ToArray());
            return (null, message.ToArray());
        }

        /// <summary>Receives until the client's <c>{"is_speaking": false}</c>.</summary>
        public async Task ReceiveUntilEndAsync()
        {
            while (await ReceiveAsync() is { } m)
            {
                if (m.Text is { } text && (bool?)JsonNode.Parse(text)!["is_speaking"] == false) return;
            }
        }

        public Task SendAsync(JsonNode message) => SendTextAsync(message.ToJsonString());

        public Task SendTextAsync(string text) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        public Task CloseAsync(WebSocketCloseStatus status, string description) => socket.CloseOutputAsync(status, description, CancellationToken.None);

        /// <summary>Drops the TCP connection without a close handshake.</summary>
        public void Abort() => context.Abort();
    }
}
