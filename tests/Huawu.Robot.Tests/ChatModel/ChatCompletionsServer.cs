using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Huawu.Robot.Tests.ChatModel;

/// <summary>
/// A local Kestrel server on 127.0.0.1 speaking the chat completions API (POST /v1/chat/completions): it answers
/// with the content a test sets (or an HTTP status, or nothing until the client gives up) and keeps the requests.
/// </summary>
internal sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(JsonNode Body, string? Authorization)> _requests = [];

    private ChatCompletionsServer(WebApplication app) => _app = app;

    /// <summary>The assistant message content of the next replies.</summary>
    public string Reply { get; set; } = """{"kind": "none"}""";

    /// <summary>When set, replies with this status instead.</summary>
    public HttpStatusCode? Status { get; set; }

    /// <summary>When set, holds each request this long (until the client cancels).</summary>
    public TimeSpan? Delay { get; set; }

    public Uri Endpoint => new(_app.Urls.First() + "/v1");

    public IReadOnlyList<(JsonNode Body, string? Authorization)> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static async Task<ChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        lock (_requests) _requests.Add((body, context.Request.Headers.Authorization.FirstOrDefault()));
        if (Delay is { } delay) await Task.Delay(delay, context.RequestAborted);
        if (Status is { } status) return Results.Json(new { error = new { message = "test failure", type = "server_error" } }, statusCode: (int)status);
        return Results.Json(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_767_225_600,
            model = body["model"]!.GetValue<string>(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Reply }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        });
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
