using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using Huawu.Speech.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Huawu.Speech.Tests.Tts;

/// <summary>
/// A local server for <c>POST /v1/audio/speech</c> that behaves like OpenAI's (API reference "Create speech"):
/// bearer-key authentication with the API's 401 body, a JSON request, 24 kHz 16-bit PCM (or WAV) streamed in
/// chunked transfer encoding, and the API's error shape. Each request takes the next scripted reply (default: audio).
/// </summary>
internal sealed class OpenAiSpeechServer : IAsyncDisposable
{
    public const string Key = "sk-test-0123456789";
    public const int Rate = 24000;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private LocalHttpServer _server = null!;

    private OpenAiSpeechServer()
    {
    }

    public Uri BaseUrl => new(_server.Address, "v1");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<OpenAiSpeechServer> StartAsync()
    {
        var server = new OpenAiSpeechServer();
        server._server = await LocalHttpServer.StartAsync(context =>
            context.Request.Method == "POST" && context.Request.Path == "/v1/audio/speech" ? server.HandleAsync(context) : NotFound(context));
        return server;
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>The audio the server says for an input: 50 ms per character, a tone that changes with each character.</summary>
    public static short[] AudioFor(string input) =>
        input.SelectMany(c => Enumerable.Range(0, Rate / 20).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * (200 + (c % 50) * 10) * i / Rate)))).ToArray();

    public void Then(params Reply[] replies)
    {
        foreach (var reply in replies) _replies.Enqueue(reply);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        string? Field(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        var recorded = new RecordedRequest(context.Request.Headers.Authorization.ToString(), Field("model"), Field("voice"), Field("input"),
            Field("response_format"), DateTimeOffset.UtcNow);
        Requests.Enqueue(recorded);
        context.RequestAborted.Register(() => recorded.Aborted = true);
        if (context.Request.Headers.Authorization != "Bearer " + Key)
        {
            await ErrorAsync(context, 401, $"Incorrect API key provided: {context.Request.Headers.Authorization}.", "invalid_request_error");
            return;
        }
        if (recorded.Input is null)
        {
            await ErrorAsync(context, 400, "Missing required parameter: 'input'.", "invalid_request_error");
            return;
        }
        var reply = _replies.TryDequeue(out var next) ? next : new Reply.Audio();
        switch (reply)
        {
            case Reply.Status status:
                if (status.RetryAfter is { } retryAfter) context.Response.Headers.RetryAfter = retryAfter;
                await ErrorAsync(context, status.Code, status.Message, status.Code == 429 ? "requests" : "server_error");
                break;
            case Reply.Audio audio:
                await StreamAsync(context, audio, recorded.Input, recorded.Format == "wav");
                break;
        }
    }

    private static async Task StreamAsync(HttpContext context, Reply.Audio audio, string input, bool wav)
    {
        var aborted = context.RequestAborted;
        if (audio.HeadersFirst) await context.Response.StartAsync(aborted);
        if (audio.FirstByteDelay is { } delay) await Task.Delay(delay, aborted);
        context.Response.ContentType = wav ? "audio/wav" : "audio/pcm";
        var samples = AudioFor(input);
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        if (wav) bytes = [.. WavHeader(audio.WavRate ?? Rate), .. bytes];
        for (var at = 0; at < bytes.Length; at += audio.ChunkBytes)
        {
            if (audio.DropAfterBytes is { } drop && at >= drop)
            {
                context.Abort();
                return;
            }
            await context.Response.Body.WriteAsync(bytes.AsMemory(at, Math.Min(audio.ChunkBytes, bytes.Length - at)), aborted);
            await context.Response.Body.FlushAsync(aborted);
            if (at == 0 && audio.HoldAfterFirstChunk is { } hold) await hold.Task.WaitAsync(aborted);
        }
    }

    // A streaming server's WAV header: the sizes are unknown when it is sent, so they are 0xFFFFFFFF.
    private static byte[] WavHeader(int rate)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), uint.MaxValue);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), uint.MaxValue);
        return header;
    }

    private static async Task ErrorAsync(HttpContext context, int code, string message, string type)
    {
        context.Response.StatusCode = code;
        await context.Response.WriteAsJsonAsync(new { error = new { message, type, param = (string?)null, code = (string?)null } });
    }

    public abstract record Reply
    {
        private Reply() { }

        /// <summary>200 with the input's audio, in chunks; optionally slow to start, held after the first chunk, or cut off.</summary>
        public sealed record Audio(int ChunkBytes = 4800, TimeSpan? FirstByteDelay = null, bool HeadersFirst = false,
            TaskCompletionSource? HoldAfterFirstChunk = null, int? DropAfterBytes = null, int? WavRate = null) : Reply;

        /// <summary>An error status with the API's error body, and a Retry-After header when given.</summary>
        public sealed record Status(int Code, string Message, string? RetryAfter = null) : Reply;
    }

    public sealed record RecordedRequest(string Authorization, string? Model, string? Voice, string? Input, string? Format, DateTimeOffset At)
    {
        public bool Aborted { get; set; }
    }
}
