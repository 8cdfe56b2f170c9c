using Huawu.Robot.Dialogue;
using Huawu.Robot.Tests.Support;

namespace Huawu.Robot.Tests.Dialogue;

/// <summary>Global intents: their answers, continuations and per-call limits; silence and no-match counters; repeat.</summary>
public sealed class GlobalIntentTests
{
    private static Conversation Start(out IReadOnlyList<RobotAction> opening) =>
        TestScripts.Start(TestScripts.Load(DialogueScripts.Basic), out opening);

    [Fact]
    public void A_global_intent_answers_and_reprompts_within_its_limit_then_takes_its_on_limit()
    {
        var call = Start(out _);
        var first = call.Handle(new Heard("你是机器人吗"));
        Assert.Equal(["是的，我是AI智能语音助理，有需要我也可以为您转接人工。", "可以吗？"], TestScripts.Lines(first));
        Assert.IsType<ListenAction>(first[^1]);
        Assert.Equal("robot", call.LastUnderstanding!.Intent);
        var second = call.Handle(new Heard("你到底是不是机器人"));
        Assert.Equal("robot_refused", Assert.IsType<HangUpAction>(second[^1]).Outcome);
        Assert.Equal(SpeechKind.Goodbye, second.OfType<SayAction>().Single().Kind);
        Assert.Equal(2, call.Result!.Counters.Hits["robot"]);
    }

    [Fact]
    public void A_global_intent_can_lead_to_a_node()
    {
        var call = Start(out _);
        call.Handle(new Heard("我现在很忙"));
        Assert.Equal("quiet", call.CurrentNode);
    }

    [Fact]
    public void Silences_are_counted_and_the_node_limit_ends_the_call()
    {
        var call = Start(out _);
        var first = call.Handle(new NoInput());
        Assert.Equal(["喂，您好，您还在听吗？", "可以吗？"], TestScripts.Lines(first));
        Assert.Equal(1, call.Counters.Silences);
        call.Handle(new NoInput());
        Assert.False(call.IsFinished);
        var third = call.Handle(new NoInput());
        Assert.Equal("no_response", Assert.IsType<HangUpAction>(third[^1]).Outcome);
        Assert.Equal(3, call.Result!.Counters.Silences);
    }

    [Fact]
    public void No_matches_are_counted_and_the_node_round_limit_ends_the_call()
    {
        var call = Start(out _);
        var first = call.Handle(new Heard("今天天气怎么样"));
        Assert.Equal(["不好意思，我没太听明白。", "可以吗？"], TestScripts.Lines(first));
        Assert.Equal(1, call.Counters.NoMatches);
        call.Handle(new Heard("随便聊聊"));
        var third = call.Handle(new Heard("嗯哼"));
        Assert.Equal("no_match", Assert.IsType<HangUpAction>(third[^1]).Outcome);
        Assert.Equal(3, call.Result!.Counters.NoMatches);
        Assert.Equal(3, call.Result.Counters.Rounds);
    }

    [Fact]
    public void A_low_confidence_recognition_counts_as_not_understood()
    {
        var call = Start(out _);
        call.Handle(new Heard("好的", Confidence: 0.2));
        Assert.Equal("ask", call.CurrentNode);
        Assert.Equal(1, call.Counters.NoMatches);
        call.Handle(new Heard("好的", Confidence: 0.9));
        Assert.Equal("bye", call.CurrentNode);
    }

    [Fact]
    public void Repeat_says_the_robot_s_last_turn_again()
    {
        var call = Start(out var opening);
        var repeated = call.Handle(new Heard("你说什么，没听清"));
        Assert.Equal(TestScripts.Lines(opening), TestScripts.Lines(repeated));
        Assert.All(repeated.OfType<SayAction>(), s => Assert.Equal(SpeechKind.Repeat, s.Kind));
        Assert.IsType<ListenAction>(repeated[^1]);
    }

    [Fact]
    public void The_call_wide_round_limit_ends_a_conversation_going_in_circles()
    {
        // Node and silence limits generous enough that only the call's limit (6 turns) can end it.
        var script = TestScripts.Load(DialogueScripts.Basic
            .Replace("  max_rounds: 3\n  max_silences: 2", "  max_rounds: 10\n  max_silences: 10", StringComparison.Ordinal)
            .Replace("global:\n", "global:\n  silence: {limit: 10}\n", StringComparison.Ordinal));
        var call = TestScripts.Start(script, out _);
        for (var i = 0; i < 3; i++)
        {
            call.Handle(new Heard("利率是多少"));
            call.Handle(new NoInput());
        }
        Assert.False(call.IsFinished);
        var last = call.Handle(new Heard("利率是多少"));
        Assert.Equal("too_long", Assert.IsType<HangUpAction>(last[^1]).Outcome);
    }

    [Fact]
    public void Knowledge_answers_count_as_business_questions_and_reprompt()
    {
        var call = Start(out _);
        var answered = call.Handle(new Heard("你们利息高吗"));
        Assert.Equal(["利率很低", "可以吗？"], TestScripts.Lines(answered));
        Assert.Equal(SpeechKind.Knowledge, answered.OfType<SayAction>().First().Kind);
        Assert.Equal((1, 1), (call.Counters.KnowledgeAnswers, call.Counters.BusinessQuestions));
        Assert.Equal("kb:rate", call.LastUnderstanding!.Intent);
    }
}
