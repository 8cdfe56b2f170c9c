using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Tests.Dsp;
using Huawu.Testing;

namespace Huawu.Media.Tests.Audio;

public sealed class PlaybackAndRecordingTests
{
    [Fact]
    public void A_clip_plays_in_frames_and_pads_the_last_one()
    {
        var samples = Enumerable.Range(1, 400).Select(i => (short)i).ToArray();
        var playback = new PlaybackSource(new AudioClip(8000, samples));
        var frame = new PcmFrame(8000);
        var played = new List<short>();
        for (var tick = 0; tick < 3; tick++)
        {
            Assert.True(playback.TryRead(new MediaTick(tick, 0), frame));
            played.AddRange(frame.Samples.ToArray());
        }
        Assert.Equal(samples.Concat(new short[80]), played);
        Assert.True(playback.IsFinished);
        Assert.Equal(TimeSpan.FromMilliseconds(50), playback.Position);
        Assert.False(playback.TryRead(new MediaTick(3, 0), frame));
        playback.Rewind();
        Assert.True(playback.TryRead(new MediaTick(4, 0), frame));
        Assert.Equal(1, frame.Samples[0]);
    }

    [Fact]
    public void A_looping_clip_wraps_without_a_gap()
    {
        var playback = new PlaybackSource(new AudioClip(8000, Enumerable.Range(0, 100).Select(i => (short)i).ToArray()), loop: true);
        var frame = new PcmFrame(8000);
        playback.TryRead(new MediaTick(0, 0), frame);
        Assert.Equal(99, frame.Samples[99]);
        Assert.Equal(0, frame.Samples[100]);
        Assert.Equal(59, frame.Samples[159]);
        Assert.False(playback.IsFinished);
    }

    [Fact]
    public void A_16_kHz_clip_plays_into_an_8_kHz_call_resampled()
    {
        var clip = new AudioClip(16000, Signal.Sine(1000, 16000, 16000));
        var playback = new PlaybackSource(clip);
        var frame = new PcmFrame(8000);
        var played = new List<short>();
        for (var tick = 0; tick < 50; tick++)
        {
            Assert.True(playback.TryRead(new MediaTick(tick, 0), frame));
            played.AddRange(frame.Samples.ToArray());
        }
        Assert.Equal(8000, played.Count);
        Assert.InRange(Signal.Amplitude(played.Skip(100).ToArray(), 1000, 8000), 9800, 10200);
        Assert.True(playback.IsFinished);
    }

    [Fact]
    public void Real_speech_plays_for_its_duration()
    {
        var clip = AudioClip.Load(SharedData.PathOf("testdata/audio/zh/aishell-BAC009S0724W0121.wav"));
        var playback = new PlaybackSource(clip);
        var frame = new PcmFrame(8000);
        var ticks = 0;
        while (playback.TryRead(new MediaTick(ticks, 0), frame)) ticks++;
        Assert.Equal((int)Math.Ceiling(clip.Samples.Length / 320.0), ticks);
    }

    [Fact]
    public void The_recorder_keeps_both_directions_aligned_in_stereo()
    {
        var stream = new MemoryStream();
        var recorder = new StereoRecorder(new WavRecordingSink(stream, 8000, leaveOpen: true));
        var received = new PcmFrame(8000);
        var sent = new PcmFrame(8000);
        received.Samples.Fill(11);
        sent.Samples.Fill(22);
        recorder.Received.Write(new MediaTick(0, 0), received);
        recorder.Sent.Write(new MediaTick(0, 0), sent);
        recorder.Sent.Write(new MediaTick(1, 0), sent); // nothing received on tick 1
        recorder.Received.Write(new MediaTick(2, 0), received); // nothing sent on tick 2 (flushed on dispose)
        recorder.Dispose();

        stream.Position = 0;
        Assert.Equal(WavStatus.Ok, WavReader.TryOpen(stream, out var reader));
        var all = new short[3 * 320];
        Assert.Equal(all.Length, reader!.Read(all));
        Assert.All(all[..320].Chunk(2), pair => Assert.Equal(new short[] { 11, 22 }, pair));
        Assert.All(all[320..640].Chunk(2), pair => Assert.Equal(new short[] { 0, 22 }, pair));
        Assert.All(all[640..].Chunk(2), pair => Assert.Equal(new short[] { 11, 0 }, pair));
    }
}
