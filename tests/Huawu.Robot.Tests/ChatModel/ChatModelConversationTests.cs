using System.Net;
using Huawu.Robot.ChatModel;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Rehearsal;
using Huawu.Robot.Tests.Support;
using Huawu.Robot.Understanding;
using Huawu.Testing;

namespace Huawu.Robot.Tests.ChatModel;

/// <summary>A conversation consults the chat model only when nothing else understood, and falls back to the script on doubt.</summary>
public sealed class ChatModelConversationTests : IAsyncLifetime
{
    private const string Script = """
        format: huawu-script/1
        name: model
        language: zh
        disclosure: {enabled: false, reason: test}
        start: ask
        intents:
          interested: {keywords: [感兴趣], examples: [我想了解一下]}
        nodes:
          ask:
            say: 您有兴趣吗？
            routes:
              - intent: interested
                goto: bye
          bye:
            say: 好的再见
            hangup: interested
        knowledge:
          entries:
            - {id: speed, question: 多久到账, answer: 审核通过后最快5分钟到账。}
        chat_model: {enabled: true, min_confidence: 0.7}
        """;

    private ChatCompletionsServer _server = null!;

    public async Task InitializeAsync() => _server = await ChatCompletionsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(Conversation Call, List<RobotAction> Actions)> SayAsync(string said, bool modelAvailable = true)
    {
        var created = Conversation.Create(TestScripts.Load(Script), new ConversationOptions(new ManualTimeProvider(), ChatModelAvailable: modelAvailable));
        var driver = new ConversationDriver(created.Conversation!,
            ChatClassifiers.OpenAiCompatible(new ChatModelOptions(_server.Endpoint, "m", Timeout: TimeSpan.FromSeconds(10))));
        await driver.StartAsync(default);
        return (created.Conversation!, await driver.HandleAsync(new Heard(said), default));
    }

    [Fact]
    public async Task What_the_script_understands_never_reaches_the_model()
    {
        var (call, _) = await SayAsync("我挺感兴趣的");
        Assert.Equal("bye", call.CurrentNode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_model_s_intent_follows_the_node_s_route()
    {
        _server.Reply = ChatCompletionsServer.Json(new { kind = "intent", intent = "interested", confidence = 0.9 });
        var (call, actions) = await SayAsync("那行吧你给我讲讲");
        var consult = Assert.IsType<ConsultModelAction>(actions[0]);
        Assert.Equal("那行吧你给我讲讲", consult.Question.Utterance);
        Assert.Contains(consult.Question.Intents, i => i.Name == "interested");
        Assert.DoesNotContain(consult.Question.Intents, i => i.Name == "do_not_call");
        Assert.Equal("bye", call.CurrentNode);
        Assert.Equal(MatchSource.ChatModel, call.LastUnderstanding!.Source);
    }

    [Fact]
    public async Task A_grounded_answer_is_said_and_the_question_asked_again()
    {
        _server.Reply = ChatCompletionsServer.Json(new { kind = "answer", answer = "审核通过后最快5分钟到账。", sources = new[] { "speed" }, confidence = 0.9 });
        var (call, actions) = await SayAsync("钱打过来要等很久不");
        Assert.Equal(["审核通过后最快5分钟到账。", "您有兴趣吗？"], TestScripts.Lines(actions));
        Assert.Equal(SpeechKind.Model, actions.OfType<SayAction>().First().Kind);
        Assert.Equal(1, call.Counters.BusinessQuestions);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public async Task Doubt_or_failure_falls_back_to_the_script_s_no_match(double confidence)
    {
        _server.Reply = ChatCompletionsServer.Json(new { kind = "intent", intent = "interested", confidence });
        if (confidence > 0.9) _server.Status = HttpStatusCode.ServiceUnavailable;
        var (call, actions) = await SayAsync("那行吧你给我讲讲");
        Assert.Equal("ask", call.CurrentNode);
        Assert.Equal(1, call.Counters.NoMatches);
        Assert.Equal(["不好意思，我没太听明白。", "您有兴趣吗？"], TestScripts.Lines(actions));
    }

    [Fact]
    public async Task Without_a_model_at_the_runtime_nothing_is_consulted()
    {
        var (call, actions) = await SayAsync("那行吧你给我讲讲", modelAvailable: false);
        Assert.DoesNotContain(actions, a => a is ConsultModelAction);
        Assert.Equal(1, call.Counters.NoMatches);
        Assert.Empty(_server.Requests);
    }
}
