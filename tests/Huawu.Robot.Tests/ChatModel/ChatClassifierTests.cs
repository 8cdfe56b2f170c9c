using System.Net;
using System.Text.Json.Nodes;
using Huawu.Robot.ChatModel;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Tests.ChatModel;

/// <summary>The OpenAI-compatible classifier against a local chat completions server, and its guardrails.</summary>
public sealed class ChatClassifierTests : IAsyncLifetime
{
    private ChatCompletionsServer _server = null!;

    private static readonly ModelQuestion Question = new(
        "你们这个钱什么时候能到账",
        ScriptLanguage.Zh,
        [new ModelIntentOption("interested", ["我想了解一下"]), new ModelIntentOption("busy", ["我在开会"])],
        [new ModelKnowledge("speed", "多久到账", "审核通过后最快5分钟到账。"), new ModelKnowledge("rate", "利率是多少", "年化利率3.6%起。")]);

    public async Task InitializeAsync() => _server = await ChatCompletionsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IChatClassifier Classifier(TimeSpan? timeout = null) =>
        ChatClassifiers.OpenAiCompatible(new ChatModelOptions(_server.Endpoint, "test-model", "test-key", timeout));

    [Fact]
    public async Task Sends_a_chat_completions_request_and_reads_an_offered_intent()
    {
        _server.Reply = ChatCompletionsServer.Json(new { kind = "intent", intent = "interested", confidence = 0.9 });
        var verdict = await Classifier().ClassifyAsync(Question);
        Assert.Equal((ModelVerdictKind.Intent, "interested", 0.9), (verdict.Kind, verdict.Intent, verdict.Confidence));
        var (body, authorization) = Assert.Single(_server.Requests);
        Assert.Equal("Bearer test-key", authorization);
        Assert.Equal("test-model", body["model"]!.GetValue<string>());
        Assert.Equal(0, body["temperature"]!.GetValue<double>());
        Assert.Equal("json_object", body["response_format"]!["type"]!.GetValue<string>());
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        var content = messages[1]!["content"]!;
        // The API allows a plain string or a list of content parts.
        var user = content is JsonArray parts ? string.Concat(parts.Select(p => p!["text"]!.GetValue<string>())) : content.GetValue<string>();
        Assert.Contains("你们这个钱什么时候能到账", user, StringComparison.Ordinal);
        Assert.Contains("最快5分钟到账", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_an_answer_grounded_in_the_cited_knowledge()
    {
        _server.Reply = ChatCompletionsServer.Json(new { kind = "answer", answer = "审核通过后最快5分钟就能到账。", sources = new[] { "speed" }, confidence = 0.85 });
        var verdict = await Classifier().ClassifyAsync(Question);
        Assert.Equal(ModelVerdictKind.Answer, verdict.Kind);
        Assert.Equal(["speed"], verdict.Sources);
    }

    [Theory]
    [InlineData("""{"kind": "answer", "answer": "审核通过后最快1分钟到账。", "sources": ["speed"], "confidence": 0.9}""", "numbers")]
    [InlineData("""{"kind": "answer", "answer": "我们还送您一台手机作为礼物。", "sources": ["speed"], "confidence": 0.9}""", "not grounded")]
    [InlineData("""{"kind": "answer", "answer": "最快5分钟到账。", "sources": ["invented"], "confidence": 0.9}""", "cites no offered")]
    [InlineData("""{"kind": "answer", "answer": "最快5分钟到账。", "confidence": 0.9}""", "cites no offered")]
    [InlineData("""{"kind": "intent", "intent": "transfer_money", "confidence": 0.99}""", "not offered")]
    [InlineData("""{"kind": "none"}""", "declined")]
    [InlineData("Sure! The money arrives in 5 minutes.", "not JSON")]
    public async Task Guardrails_turn_unsafe_replies_into_a_fallback(string reply, string reason)
    {
        _server.Reply = reply;
        var verdict = await Classifier().ClassifyAsync(Question);
        Assert.Equal(ModelVerdictKind.Fallback, verdict.Kind);
        Assert.Contains(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_in_a_code_fence_is_still_read()
    {
        _server.Reply = "```json\n" + ChatCompletionsServer.Json(new { kind = "intent", intent = "busy", confidence = 0.8 }) + "\n```";
        Assert.Equal("busy", (await Classifier().ClassifyAsync(Question)).Intent);
    }

    [Fact]
    public async Task A_server_error_is_a_fallback_after_one_request()
    {
        _server.Status = HttpStatusCode.InternalServerError;
        var verdict = await Classifier().ClassifyAsync(Question);
        Assert.Equal(ModelVerdictKind.Fallback, verdict.Kind);
        Assert.Contains("HTTP 500", verdict.Reason, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_a_fallback()
    {
        _server.Delay = TimeSpan.FromSeconds(30);
        var verdict = await Classifier(TimeSpan.FromMilliseconds(300)).ClassifyAsync(Question);
        Assert.Equal(ModelVerdictKind.Fallback, verdict.Kind);
        Assert.Contains("in time", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_fallback()
    {
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();
        _server = await ChatCompletionsServer.StartAsync();
        var verdict = await ChatClassifiers.OpenAiCompatible(new ChatModelOptions(endpoint, "m")).ClassifyAsync(Question);
        Assert.Equal(ModelVerdictKind.Fallback, verdict.Kind);
    }
}
