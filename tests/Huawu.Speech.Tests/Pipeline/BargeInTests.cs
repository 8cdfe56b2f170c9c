using Huawu.Speech.Pipeline;
using Huawu.Speech.Tts;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// Barge-in in ticks: the detector hears speech from the first loud frame, the onset needs 60 ms (three 20 ms windows),
/// and the robot's audio stops in the same tick's send phase — so its last packet is the tick before.
/// </summary>
public sealed class BargeInTests
{
    [Fact]
    public async Task Speech_over_the_robot_stops_it_in_the_tick_the_onset_is_heard_and_the_utterance_is_the_turns_answer()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(3000));
        await ReadyAsync(playback);
        var turn = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(10, Quiet);
        var speechFrom = (int)rig.Index;
        rig.Ticks(30, Loud);

        // Frames speechFrom, +1, +2 are speech: the onset is heard in tick speechFrom + 2, whose send phase is silent.
        Assert.All(rig.Sent.Take(speechFrom + 2), s => Assert.True(s.Sent));
        Assert.All(rig.Sent.Skip(speechFrom + 2), s => Assert.False(s.Sent));
        var barged = await rig.WaitForAsync<PipelineEvent.BargedIn>();
        Assert.Equal((turn.Id, playback.Id), (barged.Turn, barged.Playback));
        Assert.Equal(TimeSpan.FromMilliseconds(20 * (speechFrom + 2)), barged.Played);
        var ended = await playback.Completion;
        Assert.Equal(PlaybackOutcome.BargedIn, ended.Outcome);
        // Then the utterance: it started with the speech, so the recognizer hears it from its first frame.
        var started = await rig.WaitForAsync<PipelineEvent.UtteranceStarted>();
        Assert.Equal(TimeSpan.FromMilliseconds((20 * speechFrom) - 20), started.SpeechStart);
    }

    [Fact]
    public async Task Barge_in_cancels_the_synthesis_of_the_rest()
    {
        await using var rig = new PipelineRig();
        var tts = new HandFedTts();
        tts.Give(HandFedTts.Ramp(0, 8000));
        var playback = rig.Pipeline.Say(tts, SpeechText.Plain("a long prompt"), "v");
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(3, Quiet);
        rig.Ticks(5, Loud);
        Assert.Equal(PlaybackOutcome.BargedIn, (await playback.Completion).Outcome);
        await Eventually(() => tts.Cancelled);
    }

    [Fact]
    public async Task A_turn_without_barge_in_lets_the_robot_finish_and_does_not_take_what_was_said_over_it()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(400));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions { BargeIn = false });
        rig.Ticks(2, Quiet);
        rig.Ticks(30, Loud);
        rig.Ticks(20, Quiet);

        // 400 ms = 20 packets, every one sent.
        Assert.Equal(20, rig.Sent.Count(s => s.Sent));
        Assert.Equal(PlaybackOutcome.Completed, (await playback.Completion).Outcome);
        Assert.DoesNotContain(rig.Events, e => e is PipelineEvent.BargedIn or PipelineEvent.UtteranceStarted);
        // Once the robot is quiet, the next utterance is the answer.
        rig.Ticks(15, Loud);
        rig.Ticks(12, Quiet);
        await rig.WaitForAsync<PipelineEvent.Recognized>();
    }

    [Fact]
    public async Task A_burst_shorter_than_the_onset_does_not_stop_the_robot()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(1000));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(5, Quiet);
        rig.Ticks(2, Loud); // 40 ms: a click, a cough
        rig.Ticks(60, Quiet);
        Assert.Equal(50, rig.Sent.Count(s => s.Sent));
        Assert.Equal(PlaybackOutcome.Completed, (await playback.Completion).Outcome);
    }

    [Fact]
    public async Task The_barge_in_trigger_follows_the_turns_onset_speech()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(3000));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions { Endpointing = ListenOptions.ConversationalEndpointing with { OnsetSpeech = TimeSpan.FromMilliseconds(100) } });
        rig.Ticks(4, Quiet);
        rig.Ticks(10, Loud);
        // Five speech windows (100 ms): heard in tick 4 + 4 = 8.
        Assert.True(rig.Sent[7].Sent);
        Assert.False(rig.Sent[8].Sent);
    }

    internal static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++) await Task.Delay(5);
        Assert.True(condition());
    }
}
