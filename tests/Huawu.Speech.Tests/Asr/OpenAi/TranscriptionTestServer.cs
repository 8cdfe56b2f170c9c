using System.Collections.Concurrent;
using Huawu.Speech.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Huawu.Speech.Tests.Asr.OpenAi;

/// <summary>
/// A local <c>/v1/audio/transcriptions</c> endpoint: it reads the multipart form as OpenAI's API defines it, records
/// each request, and answers with the next scripted response (status, body, headers, or a delay).
/// </summary>
internal sealed class TranscriptionTestServer : IAsyncDisposable
{
    private readonly LocalHttpServer _http;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();

    private TranscriptionTestServer(LocalHttpServer http) => _http = http;

    public Uri BaseUrl => new(_http.Address, "v1");

    public ConcurrentQueue<Request> Requests { get; } = new();

    public sealed record Request(string Path, string? Authorization, IReadOnlyDictionary<string, string> Fields, string? FileName, string? FileType, byte[] File);

    public static async Task<TranscriptionTestServer> StartAsync()
    {
        TranscriptionTestServer? server = null;
        var http = await LocalHttpServer.StartAsync(context => server!.HandleAsync(context));
        server = new TranscriptionTestServer(http);
        return server;
    }

    public void Answer(int status, string body, string? retryAfter = null) => _responses.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.WriteAsync(body);
    });

    /// <summary>Never answers; records whether the client gave up (the request was aborted).</summary>
    public TaskCompletionSource AnswerNever()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses.Enqueue(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        return aborted;
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        using var content = new MemoryStream();
        if (file is not null) await file.CopyToAsync(content);
        Requests.Enqueue(new Request(context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(),
            form.ToDictionary(f => f.Key, f => f.Value.ToString()), file?.FileName, file?.ContentType, content.ToArray()));
        if (_responses.TryDequeue(out var respond)) await respond(context);
        else context.Response.StatusCode = StatusCodes.Status418ImATeapot;
    }
}
