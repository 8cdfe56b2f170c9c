using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;
using Huawu.Robot.Tests.Support;
using Huawu.Testing;

namespace Huawu.Robot.Tests.Dialogue;

/// <summary>The state machine's contract: inputs in, actions out, time only from the injected clock.</summary>
public sealed class ConversationTests
{
    private static readonly Script Basic = TestScripts.Load(DialogueScripts.Basic);

    [Fact]
    public void Required_variables_must_be_given()
    {
        var script = TestScripts.Load(DialogueScripts.Basic.Replace("variables: {name: 张先生}", "variables: [name, phone]", StringComparison.Ordinal));
        var refused = Conversation.Create(script, new ConversationOptions(new ManualTimeProvider(), new Dictionary<string, string> { ["name"] = "李" }));
        Assert.Null(refused.Conversation);
        Assert.Equal(["phone"], refused.MissingVariables);
    }

    [Fact]
    public void The_opening_says_the_start_node_and_listens_with_its_endpointing()
    {
        TestScripts.Start(Basic, out var opening, new Dictionary<string, string> { ["name"] = "王女士" });
        Assert.Equal("您好王女士，可以吗？", Assert.IsType<SayAction>(opening[0]).Text);
        var listen = Assert.IsType<ListenAction>(opening[1]);
        // The script sets the pause and the no-input time; the rest is the built-in conversational default.
        Assert.Equal(new Endpointing(150, 800, 15_000, 5_000), listen.Endpointing);
        Assert.True(listen.BargeIn);
    }

    [Fact]
    public void A_node_without_endpointing_settings_ends_a_turn_after_the_pipelines_conversational_200_ms_of_silence()
    {
        // Issue 4: a reply within 300 ms at p50 needs the turn to end after a short pause; 700 ms alone would miss it.
        var conversational = Huawu.Speech.Pipeline.ListenOptions.ConversationalEndpointing;
        Assert.Equal(200, Endpointing.Default.TrailingSilenceMs);
        Assert.Equal(conversational.TrailingSilence.TotalMilliseconds, Endpointing.Default.TrailingSilenceMs);
        Assert.Equal(conversational.MinSpeech.TotalMilliseconds, Endpointing.Default.MinSpeechMs);
    }

    [Fact]
    public void A_recognized_intent_follows_its_route_writing_tags_and_variables_and_grading_the_end()
    {
        var call = TestScripts.Start(Basic, out _);
        var actions = call.Handle(new Heard("好的好的"));
        Assert.Equal(
            [typeof(TagAction), typeof(VariableAction), typeof(SayAction), typeof(HangUpAction)],
            actions.Select(a => a.GetType()));
        Assert.Equal(new TagAction("done"), actions[0]);
        Assert.Equal(new VariableAction("result", "ok"), actions[1]);
        var end = Assert.IsType<HangUpAction>(actions[3]);
        Assert.Equal(("agreed", "B"), (end.Outcome, end.Grade));
        Assert.Equal("ok", call.Result!.Variables["result"]);
        Assert.Equal(["done"], call.Result.Tags);
        Assert.Empty(call.Handle(new Heard("还有事吗")));
    }

    [Fact]
    public void Barge_in_stops_the_robot_only_where_the_node_allows_it()
    {
        var call = TestScripts.Start(Basic, out _);
        Assert.IsType<StopSpeakingAction>(Assert.Single(call.Handle(new BargeIn())));
        call.Handle(new Heard("我在忙"));
        Assert.Equal("quiet", call.CurrentNode);
        Assert.Empty(call.Handle(new BargeIn()));
    }

    [Fact]
    public void A_transfer_hands_over_the_context_and_takes_the_call_back_when_nobody_answers()
    {
        var call = TestScripts.Start(Basic, out _);
        call.Handle(new Heard("利率是多少"));
        var transfer = Assert.IsType<TransferAction>(call.Handle(new KeysPressed("9"))[^1]);
        Assert.Equal((TransferTargetKind.Queue, "sales", 15), (transfer.TargetKind, transfer.Target, transfer.NoAnswerSeconds));
        Assert.Equal("human", transfer.Context.NodeId);
        Assert.Contains(transfer.Context.Transcript, t => t is { Speaker: TranscriptSpeaker.Callee, Text: "利率是多少", Intent: "kb:rate" });
        Assert.Equal(["wants_human"], transfer.Context.Tags);
        Assert.Equal("B", transfer.Context.Grade); // one business question, no refusal
        Assert.Empty(call.Handle(new Heard("喂？")));
        var back = call.Handle(new TransferEnded(Answered: false));
        Assert.Equal("ask", call.CurrentNode);
        Assert.Equal("您好张先生，可以吗？", TestScripts.Lines(back).Single());
        Assert.Equal(1, call.Counters.Transfers);
    }

    [Fact]
    public void An_answered_transfer_finishes_the_conversation_without_hanging_up()
    {
        var call = TestScripts.Start(Basic, out _);
        call.Handle(new KeysPressed("9"));
        Assert.Empty(call.Handle(new TransferEnded(Answered: true)));
        Assert.Equal("transferred", call.Result!.Outcome);
    }

    [Fact]
    public void The_callee_hanging_up_finishes_the_conversation()
    {
        var call = TestScripts.Start(Basic, out _);
        Assert.Empty(call.Handle(new HungUp()));
        Assert.True(call.IsFinished);
        Assert.Equal("callee_hangup", call.Result!.Outcome);
        Assert.Equal("C", call.Result.Grade);
    }

    [Fact]
    public void Transcript_times_come_from_the_injected_clock()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var call = TestScripts.Start(Basic, out _, time: clock);
        clock.Advance(TimeSpan.FromSeconds(7));
        call.Handle(new Heard("利率是多少"));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), call.Transcript[0].At);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 7, TimeSpan.Zero), call.Transcript[^1].At);
    }

    [Fact]
    public void Handling_before_starting_is_a_bug()
    {
        var call = Conversation.Create(Basic, new ConversationOptions(new ManualTimeProvider())).Conversation!;
        Assert.Throws<InvalidOperationException>(() => call.Handle(new NoInput()));
        call.Start();
        Assert.Throws<InvalidOperationException>(() => call.Start());
    }
}
