using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;
using Huawu.Robot.Tests.Support;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Tests.Runtime;

public sealed class RobotCallTests
{
    [Fact]
    public async Task The_disclosure_is_said_first_and_heard_whole_before_the_first_turn_opens()
    {
        var (call, voice, line, _) = RuntimeScripts.Start();
        var running = call.RunAsync();
        var disclosure = await voice.NextAsync<FakeVoice.Said>();
        var question = await voice.NextAsync<FakeVoice.Said>();
        Assert.Equal(SpeechKind.Disclosure, disclosure.Line.Kind);
        Assert.False(disclosure.Line.BargeIn);
        Assert.Equal("This is an AI assistant calling for Acme.", disclosure.Line.Text);
        Assert.StartsWith("Hi Alex", question.Line.Text, StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.DoesNotContain(voice.History, c => c is FakeVoice.Listened);

        // The turn opens once the disclosure has played (the question may still be playing: barge-in is allowed on it).
        voice.Raise(new PipelineEvent.PlaybackEnded(TimeSpan.FromSeconds(3), disclosure.Playback, PlaybackOutcome.Completed, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        Assert.True(turn.Options.BargeIn);
        line.CalleeHangsUp();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_node_s_endpointing_no_input_time_keys_and_script_phrases_reach_the_pipeline()
    {
        var (call, voice, line, _) = RuntimeScripts.Start();
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        Assert.Equal(TimeSpan.FromMilliseconds(500), turn.Options.Endpointing.TrailingSilence);
        Assert.Equal(TimeSpan.FromSeconds(4), turn.Options.NoInputTimeout);
        Assert.Equal(1, turn.Options.MaxKeys);
        Assert.Equal("en-US", turn.Options.Recognition.Language);
        var grammar = turn.Options.Recognition.Grammar;
        Assert.Contains("tell me more", grammar);
        Assert.Contains("sounds good to me", grammar);
        Assert.Contains("real person", grammar);
        Assert.Contains("what is the price", grammar);
        // Global intents' phrases are there too: "don't call me again" must be recognizable at every node.
        Assert.Contains(grammar, p => p.Contains("call me", StringComparison.Ordinal));
        line.CalleeHangsUp();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Grammar_phrases_with_words_the_dictionary_lacks_are_left_out()
    {
        var dictionary = new HashSet<string>(["tell", "me", "more", "real", "person"], StringComparer.Ordinal);
        var (call, voice, line, _) = RuntimeScripts.Start(options: new RobotCallOptions(
            new Dictionary<string, string> { ["customer_name"] = "Alex" }, KnowsWord: dictionary.Contains));
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        Assert.Equal(["tell me more", "real person"], turn.Options.Recognition.Grammar);
        line.CalleeHangsUp();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_understood_answer_moves_on_and_the_robot_hangs_up_only_after_its_goodbye_has_played()
    {
        var (call, voice, line, log) = RuntimeScripts.Start();
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        voice.Hear(turn.Turn, "tell me more");
        var goodbye = await voice.NextAsync<FakeVoice.Said>();
        Assert.Equal("pitch", goodbye.Line.NodeId);
        await Task.Delay(50);
        Assert.Equal(0, line.HangUps);
        voice.Raise(new PipelineEvent.PlaybackEnded(TimeSpan.FromSeconds(9), goodbye.Playback, PlaybackOutcome.Completed, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2)));
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, line.HangUps);
        Assert.Equal(["ask", "pitch"], summary.Path);
        Assert.Equal("interested", summary.Result.Outcome);
        Assert.Equal("A", summary.Result.Grade);
        Assert.Same(summary.Result, log.Result);
        var heard = Assert.Single(log.Segments, s => s.Speaker == RobotSegment.Customer);
        Assert.Equal(("tell me more", "interested", "ask"), (heard.Text, heard.Intent, heard.NodeId));
        Assert.Equal(3, log.Segments.Count(s => s.Speaker == RobotSegment.Robot));
    }

    [Fact]
    public async Task Do_not_call_is_written_before_the_robot_says_another_word()
    {
        var (call, voice, line, log) = RuntimeScripts.Start();
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        var saidBefore = voice.History.Count(c => c is FakeVoice.Said);
        voice.Hear(turn.Turn, "please don't call me again");
        var answer = await voice.NextAsync<FakeVoice.Said>();
        int listedAt;
        lock (log.Written) listedAt = log.Written.IndexOf(("dnc", line.CalleeNumber));
        Assert.True(listedAt >= 0, "the number was not listed");
        Assert.Equal(saidBefore + 1, voice.History.Count(c => c is FakeVoice.Said));
        voice.Raise(new PipelineEvent.PlaybackEnded(TimeSpan.FromSeconds(9), answer.Playback, PlaybackOutcome.Completed, null, TimeSpan.Zero));
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(summary.Result.AddedToDoNotCall);
        Assert.Equal("do_not_call", summary.Result.Outcome);
    }

    [Fact]
    public async Task Keys_answer_a_turn_and_stale_turn_results_are_dropped()
    {
        var (call, voice, line, _) = RuntimeScripts.Start();
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        voice.Hear(turn.Turn + 100, "tell me more");
        voice.Raise(new PipelineEvent.KeysEntered(TimeSpan.FromSeconds(5), turn.Turn, "1"));
        var transferLine = await voice.NextAsync<FakeVoice.Said>();
        Assert.Equal("advisor", transferLine.Line.NodeId);
        line.NextHandOff = new HandOffResult(HandOffOutcome.Answered);
        voice.Raise(new PipelineEvent.PlaybackEnded(TimeSpan.FromSeconds(6), transferLine.Playback, PlaybackOutcome.Completed, null, TimeSpan.Zero));
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["ask", "advisor"], summary.Path);
        Assert.Equal("transferred", summary.Result.Outcome);
        Assert.Equal(0, line.HangUps);
        var handOff = Assert.Single(line.HandOffs);
        Assert.Equal(("1001", 15), (handOff.Target, handOff.NoAnswerSeconds));
        Assert.Contains(handOff.Context.Transcript, t => t.Speaker == TranscriptSpeaker.Robot);
    }

    [Fact]
    public async Task Nobody_answering_a_hand_off_gives_the_robot_the_call_back_at_the_fallback_node()
    {
        var (call, voice, line, log) = RuntimeScripts.Start();
        line.NextHandOff = new HandOffResult(HandOffOutcome.NoAnswer);
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        voice.Hear(turn.Turn, "can I speak to someone");
        await voice.PlayOutAsync(1);
        var sorry = await voice.NextAsync<FakeVoice.Said>();
        Assert.Equal("sorry", sorry.Line.NodeId);
        var again = await voice.NextAsync<FakeVoice.Listened>();
        voice.Hear(again.Turn, "yes");
        await voice.NextAsync<FakeVoice.Said>();
        line.CalleeHangsUp();
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HandOffOutcome.NoAnswer, Assert.Single(summary.HandOffs).Outcome);
        Assert.Equal(["ask", "advisor", "sorry", "bye"], summary.Path);
        Assert.Contains(("robot.handoff", "NoAnswer"), log.Written.OfType<(string, string)>());
    }

    [Fact]
    public async Task A_barge_in_stops_the_robot_and_a_silence_reprompts()
    {
        var (call, voice, line, _) = RuntimeScripts.Start();
        var running = call.RunAsync();
        var said = await voice.PlayOutAsync(1);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        voice.Raise(new PipelineEvent.BargedIn(TimeSpan.FromSeconds(4), turn.Turn, said[0].Playback + 1, TimeSpan.FromSeconds(1)));
        Assert.Equal("speaking", (await voice.NextAsync<FakeVoice.Stopped>()).What);
        voice.Raise(new PipelineEvent.NoInput(TimeSpan.FromSeconds(9), turn.Turn, TimeSpan.FromSeconds(4)));
        var reprompt = await voice.NextAsync<FakeVoice.Said>();
        Assert.Equal("ask", reprompt.Line.NodeId);
        await voice.NextAsync<FakeVoice.Listened>();
        line.CalleeHangsUp();
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, summary.Result.Counters.Silences);
    }

    [Fact]
    public async Task Turn_latencies_are_logged_with_their_node()
    {
        var (call, voice, line, log) = RuntimeScripts.Start();
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        await voice.NextAsync<FakeVoice.Listened>();
        var latency = new TurnLatency(TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(520), TimeSpan.FromMilliseconds(500),
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(20));
        voice.Raise(new PipelineEvent.TurnMeasured(TimeSpan.FromSeconds(6), 1, 2, latency));
        // The hang-up comes from the line, not through the voice's events: let the measurement arrive first.
        await log.WaitForAsync(w => w is (string, TurnLatency));
        line.CalleeHangsUp();
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([latency], summary.Latencies);
        Assert.Contains(("ask", latency), log.Written.OfType<(string, TurnLatency)>());
    }

    [Fact]
    public void A_transfer_to_a_queue_the_node_does_not_have_is_refused_naming_the_node_and_one_it_has_is_accepted()
    {
        var script = RuntimeScripts.Load(RuntimeScripts.Offer.Replace("extension: \"1001\"", "queue: sales", StringComparison.Ordinal));
        var variables = new Dictionary<string, string> { ["customer_name"] = "Alex" };
        foreach (var queues in new[] { null, new FakeQueues("support") })
        {
            var refused = RobotCall.Create(script, new FakeVoice(), new FakeLine(), new MemoryCallLog(), new RobotCallOptions(variables, Queues: queues));
            Assert.Null(refused.Call);
            var problem = Assert.Single(refused.Problems);
            Assert.Contains("node 'advisor'", problem, StringComparison.Ordinal);
            Assert.Contains("queue 'sales', which this node does not have", problem, StringComparison.Ordinal);
        }
        var started = RobotCall.Create(script, new FakeVoice(), new FakeLine(), new MemoryCallLog(), new RobotCallOptions(variables, Queues: new FakeQueues("Sales")));
        Assert.NotNull(started.Call);
    }

    [Fact]
    public void Missing_variables_are_named()
    {
        var started = RobotCall.Create(RuntimeScripts.Load(), new FakeVoice(), new FakeLine(), new MemoryCallLog());
        Assert.Contains("variable 'customer_name'", Assert.Single(started.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_scripts_listen_with_hot_words_not_a_grammar()
    {
        var script = TestScripts.Load("""
            name: zh-runtime
            language: zh
            start: ask
            intents:
              yes: {keywords: [感兴趣]}
            nodes:
              ask:
                say: 您好，请问您感兴趣吗？
                routes:
                  - intent: yes
                    goto: bye
              bye:
                say: 再见。
                hangup: done
            """);
        var (call, voice, line, _) = RuntimeScripts.Start(script, new RobotCallOptions());
        var running = call.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        Assert.Empty(turn.Options.Recognition.Grammar);
        Assert.Contains("感兴趣", turn.Options.Recognition.HotWords);
        Assert.Contains("不要再打", turn.Options.Recognition.HotWords);
        Assert.Equal("zh-CN", turn.Options.Recognition.Language);
        line.CalleeHangsUp();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
