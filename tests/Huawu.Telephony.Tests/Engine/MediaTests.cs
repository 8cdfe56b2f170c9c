using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>A call's media through the public API: echo, tone, playback ends, recording, RTP timeout.</summary>
public sealed class MediaTests
{
    [Fact]
    public async Task The_echo_extension_sends_back_what_the_caller_transmits()
    {
        await using var rig = await EngineRig.StartAsync();
        var call = (await rig.CallAsync("echo").Within()).Call!;
        var heard = new AudioProbe();
        using var tap = call.TapReceivedAudio(heard);
        using var tone = call.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));

        await rig.TickAsync(TimeSpan.FromSeconds(2));

        AudioProbe.AssertHears(heard.Samples, 440, "the echo is the 440 Hz we sent");
    }

    [Fact]
    public async Task The_tone_extension_plays_1_kHz()
    {
        await using var rig = await EngineRig.StartAsync();
        var call = (await rig.CallAsync("tone").Within()).Call!;
        var heard = new AudioProbe();
        using var tap = call.TapReceivedAudio(heard);

        await rig.TickAsync(TimeSpan.FromSeconds(1));

        AudioProbe.AssertHears(heard.Samples, 1000, "the tone extension's 1 kHz");
        Assert.Equal(CallState.Answered, call.State);
    }

    [Fact]
    public async Task The_playback_extension_plays_its_chime_and_hangs_up()
    {
        await using var rig = await EngineRig.StartAsync();
        var call = (await rig.CallAsync("playback").Within()).Call!;
        var heard = new AudioProbe();
        using var tap = call.TapReceivedAudio(heard);

        await rig.TickAsync(TimeSpan.FromSeconds(2));
        var ended = await call.Ended.Within();

        // Three 300 ms tones with 100 ms gaps: 1.2 s, then BYE from the callee.
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        Assert.InRange(ended.TalkDuration, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(1.4));
        // Frame by frame, the loudest of the chime's tones: they come in rising order.
        var chime = new[] { 523.25, 659.25, 783.99 };
        var heardOrder = heard.Samples.Chunk(160)
            .Where(frame => AudioProbe.Rms(frame) > 0.05)
            .Select(frame => chime.MaxBy(f => AudioProbe.ShareAt(frame, f, 8000)))
            .Aggregate(new List<double>(), (runs, tone) => { if (runs.Count == 0 || runs[^1] != tone) runs.Add(tone); return runs; });
        Assert.Equal(chime, heardOrder);
    }

    [Fact]
    public async Task A_playback_completes_at_the_end_of_its_source_and_is_cancelled_replaced_or_cut_by_hang_up()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, _) = await HoldTests.AnsweredCallAsync(rig);
        var clip = new AudioClip(8000, new short[8000]);

        var whole = call.PlayAsync(new PlaybackSource(clip));
        await rig.TickAsync(TimeSpan.FromSeconds(1.5));
        Assert.Equal(new PlaybackResult(PlaybackEnd.Completed, TimeSpan.FromSeconds(1)), await whole.Within());

        using var bargeIn = new CancellationTokenSource();
        var cancelled = call.PlayAsync(new ToneGenerator(ToneSpec.TestTone), bargeIn.Token);
        await rig.TickAsync(TimeSpan.FromMilliseconds(200));
        await bargeIn.CancelAsync();
        Assert.Equal(PlaybackEnd.Cancelled, (await cancelled.Within()).End);

        var replaced = call.PlayAsync(new ToneGenerator(ToneSpec.TestTone));
        var replacing = call.PlayAsync(new ToneGenerator(ToneSpec.TestTone));
        Assert.Equal(PlaybackEnd.Replaced, (await replaced.Within()).End);
        await call.HangupAsync();
        Assert.Equal(PlaybackEnd.HungUp, (await replacing.Within()).End);
        Assert.Equal(PlaybackEnd.HungUp, (await call.PlayAsync(new PlaybackSource(clip)).Within()).End);
    }

    [Fact]
    public async Task A_recording_is_stereo_with_the_received_audio_left_and_the_sent_right_and_its_sink_completes_at_hang_up()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await HoldTests.AnsweredCallAsync(rig);
        using var fromCaller = call.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        using var fromCallee = callee.Transmit(new ToneGenerator(ToneSpec.Continuous(1000, -10)));
        var sink = new MemoryRecordingSink();
        var recording = await callee.StartRecordingAsync(sink).Within();
        Assert.NotNull(recording);
        await rig.TickAsync(TimeSpan.FromSeconds(2));
        await callee.HangupAsync();
        await rig.CalleeEvents.HungUpAsync(callee.Id);

        // The recording stopped before the hang-up was published, and told its sink once, after the last audio.
        Assert.False(recording.IsRecording);
        Assert.Equal(1, sink.Completions);
        Assert.False(sink.WroteAfterCompletion);
        Assert.InRange(recording.Duration, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.1));
        Assert.Equal(recording.Duration.TotalSeconds * 8000, sink.Left.Length, precision: 0);
        AudioProbe.AssertHears(sink.Left, 440, "left is what the callee heard: the caller's 440 Hz");
        AudioProbe.AssertHears(sink.Right, 1000, "right is what the callee sent: its 1 kHz");
        recording.Stop();
        Assert.Equal(1, sink.Completions);
    }

    [Fact]
    public async Task Recording_needs_an_answered_call()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, _) = await HoldTests.AnsweredCallAsync(rig);
        await call.HangupAsync();

        var sink = new MemoryRecordingSink();
        Assert.Null(await call.StartRecordingAsync(sink).Within());
        Assert.Equal((0, 0), (sink.Writes, sink.Completions));
    }

    [Fact]
    public async Task A_sink_at_another_rate_than_the_calls_is_refused_untouched()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, _) = await HoldTests.AnsweredCallAsync(rig);

        var wideband = new MemoryRecordingSink(16000);
        Assert.Null(await call.StartRecordingAsync(wideband).Within());
        await rig.TickAsync(TimeSpan.FromSeconds(0.2));
        await call.HangupAsync();
        Assert.Equal((0, 0), (wideband.Writes, wideband.Completions));
    }

    [Fact]
    public async Task Silence_from_the_far_end_for_the_rtp_timeout_hangs_up_with_media_timeout()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await HoldTests.AnsweredCallAsync(rig);
        // The callee keeps sending, so only the callee, hearing nothing, times out (rig: 30 s).
        using var tone = callee.Transmit(new ToneGenerator(ToneSpec.TestTone));

        await rig.TickAsync(TimeSpan.FromSeconds(29));
        Assert.Equal(CallState.Answered, callee.State);
        await rig.TickAsync(TimeSpan.FromSeconds(2));

        var calleeEnd = await rig.CalleeEvents.WaitAsync<CallHungUp>();
        var callerEnd = await rig.CallerEvents.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.MediaTimeout, HangupSide.Local), (calleeEnd.Cause, calleeEnd.By));
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (callerEnd.Cause, callerEnd.By));
    }
}
