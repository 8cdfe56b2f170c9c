using Huawu.Speech.Pipeline;
using Huawu.Speech.Tts;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// What the robot says: played from its first chunk while the rest is synthesized, in order, one playback joining the
/// next within a frame, converted to the call's rate, and stopped (synthesis cancelled) from the next tick.
/// </summary>
public sealed class PlaybackTests
{
    [Fact]
    public async Task Playback_starts_with_the_first_chunk_while_later_ones_are_still_being_synthesized()
    {
        await using var rig = new PipelineRig();
        var tts = new HandFedTts();
        var playback = rig.Pipeline.Say(tts, SpeechText.Plain("Hello. How are you?"), "v");
        Assert.Equal("Hello. How are you?", playback.Text);
        rig.Ticks(3, Quiet);
        Assert.All(rig.Sent, s => Assert.False(s.Sent));

        tts.Give(HandFedTts.Ramp(0, 400));
        await ReadyAsync(playback);
        rig.Ticks(4, Quiet);
        // 400 samples: two whole frames, then 80 samples padded with silence, then nothing while synthesis is behind.
        Assert.Equal(HandFedTts.Ramp(0, 160), rig.Sent[3].Samples);
        Assert.Equal(HandFedTts.Ramp(160, 160), rig.Sent[4].Samples);
        Assert.Equal([.. HandFedTts.Ramp(320, 80), .. new short[80]], rig.Sent[5].Samples);
        Assert.False(rig.Sent[6].Sent);
        Assert.False(playback.Completion.IsCompleted);

        tts.Give(HandFedTts.Ramp(400, 160));
        tts.Finish();
        await BargeInTests.Eventually(() => playback.IsProduced);
        rig.Ticks(2, Quiet);
        Assert.Equal(HandFedTts.Ramp(400, 160), rig.Sent[7].Samples);
        var ended = await playback.Completion;
        Assert.Equal((PlaybackOutcome.Completed, TimeSpan.FromMilliseconds(70), TimeSpan.FromMilliseconds(60)), (ended.Outcome, ended.Played, ended.Started));
    }

    [Fact]
    public async Task Playbacks_play_in_order_and_the_next_joins_the_last_frame_of_the_one_before()
    {
        await using var rig = new PipelineRig();
        var first = rig.Pipeline.Play(new Huawu.Media.Audio.AudioClip(8000, HandFedTts.Ramp(0, 250)), "first");
        var second = rig.Pipeline.Play(new Huawu.Media.Audio.AudioClip(8000, HandFedTts.Ramp(1000, 250)), "second");
        await ReadyAsync(first);
        await ReadyAsync(second);
        await BargeInTests.Eventually(() => first.IsProduced && second.IsProduced);
        rig.Ticks(5, Quiet);

        Assert.Equal(HandFedTts.Ramp(0, 160), rig.Sent[0].Samples);
        Assert.Equal([.. HandFedTts.Ramp(160, 90), .. HandFedTts.Ramp(1000, 70)], rig.Sent[1].Samples);
        Assert.Equal(HandFedTts.Ramp(1070, 160), rig.Sent[2].Samples);
        Assert.Equal([.. HandFedTts.Ramp(1230, 20), .. new short[140]], rig.Sent[3].Samples);
        Assert.False(rig.Sent[4].Sent);
        Assert.Equal([first.Id, second.Id], rig.Events.OfType<PipelineEvent.PlaybackEnded>().Select(e => e.Playback));
    }

    [Fact]
    public async Task Audio_at_another_rate_is_converted_to_the_calls()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(1000, sampleRate: 22050));
        await BargeInTests.Eventually(() => playback.IsProduced);
        rig.Ticks(60, Quiet);
        // One second at 22.05 kHz is one second at 8 kHz: 50 frames.
        Assert.Equal(50, rig.Sent.Count(s => s.Sent));
        var middle = rig.Sent[25].Samples;
        Assert.InRange(Math.Sqrt(middle.Average(s => (double)s * s)), Loud / Math.Sqrt(2) * 0.97, Loud / Math.Sqrt(2) * 1.03);
    }

    [Fact]
    public async Task Stop_speaking_ends_everything_queued_from_the_next_tick_and_cancels_synthesis()
    {
        await using var rig = new PipelineRig();
        var tts = new HandFedTts();
        tts.Give(HandFedTts.Ramp(0, 4000));
        var saying = rig.Pipeline.Say(tts, SpeechText.Plain("a long sentence"), "v");
        var queued = rig.Pipeline.Play(Clip(500));
        await ReadyAsync(saying);
        rig.Ticks(3, Quiet);
        rig.Pipeline.StopSpeaking();
        rig.Ticks(3, Quiet);

        Assert.Equal([true, true, true, false, false, false], rig.Sent.Select(s => s.Sent));
        Assert.Equal((PlaybackOutcome.Stopped, TimeSpan.FromMilliseconds(60)), ((await saying.Completion).Outcome, (await saying.Completion).Played));
        Assert.Equal(PlaybackOutcome.Stopped, (await queued.Completion).Outcome);
        await BargeInTests.Eventually(() => tts.Cancelled);
        Assert.False(rig.Pipeline.IsSpeaking);
    }

    [Fact]
    public async Task A_failing_engine_ends_its_playback_as_failed_after_what_it_produced()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Speak(_ => Failing(), "broken");
        await BargeInTests.Eventually(() => playback.IsProduced);
        rig.Ticks(3, Quiet);
        var ended = await playback.Completion;
        Assert.Equal((PlaybackOutcome.Failed, "no voice", TimeSpan.FromMilliseconds(20)), (ended.Outcome, ended.Error, ended.Played));
    }

    [Fact]
    public async Task Disposing_stops_the_turn_and_the_playbacks_and_completes_the_events()
    {
        var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(500));
        var turn = rig.Pipeline.Listen(new ListenOptions());
        await rig.DisposeAsync();
        Assert.IsType<PipelineEvent.ListenStopped>(await turn.Result);
        Assert.Equal(PlaybackOutcome.Stopped, (await playback.Completion).Outcome);
        // The reader sees the ending events, then the end of the stream.
        Assert.Contains(rig.Events, e => e is PipelineEvent.PlaybackEnded { Outcome: PlaybackOutcome.Stopped });
        await rig.Pipeline.Events.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(rig.Tick([Loud]));
        Assert.Throws<ObjectDisposedException>(() => rig.Pipeline.Listen(new ListenOptions()));
    }

    private static async IAsyncEnumerable<SynthesizedAudio> Failing()
    {
        yield return new SynthesizedAudio(HandFedTts.Ramp(0, 160), 8000, TimeSpan.Zero);
        await Task.Yield();
        throw new SpeechEngineException("no voice");
    }
}
