using Huawu.Speech.Endpointing;
using Huawu.Speech.Tests.Vad;
using Huawu.Speech.Vad;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Endpointing;

/// <summary>Per frame, endpointing allocates nothing and depends on nothing but the audio.</summary>
public sealed class EndpointerAllocationTests
{
    [Theory]
    [InlineData("energy", "vad/aepyx_8k.wav")]
    [InlineData("energy", "vad/funasr-VAD_30s_mono.wav")]
    [InlineData("silero", "vad/aepyx_8k.wav")]
    [InlineData("silero", "en/jfk.wav")]
    [InlineData("silero", "vad/funasr-VAD_30s_mono.wav")]
    public void Processing_frames_allocates_nothing(string engine, string file)
    {
        var recording = Recording.Load(file);
        var (rate, audio) = (recording.SampleRate, recording.Samples);
        var factory = engine == "silero"
            ? VoiceActivityDetectorFactory.Silero(SharedData.PathOf("models/silero-vad/silero_vad.onnx"))
            : VoiceActivityDetectorFactory.Energy();
        using var detector = factory.Create(rate);
        var endpointer = new Endpointer(detector, rate, new EndpointingOptions());
        var frame = rate / 50;
        // A first pass runs every path once (JIT, lazily bound native entry points), then the stream starts over.
        for (var at = 0; at + frame <= audio.Length; at += frame) endpointer.Process(audio.AsSpan(at, frame));
        endpointer.Reset();

        var measured = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var at = 0; at + frame <= audio.Length; at += frame) measured += endpointer.Process(audio.AsSpan(at, frame)).Length;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(measured >= 4, $"utterances should come and go while measuring, but {measured} events came");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_same_audio_gives_the_same_events()
    {
        var recording = Recording.Load("en/jfk.wav");
        var first = RecordingSegmentationTests.Segment("energy", recording);
        var second = RecordingSegmentationTests.Segment("energy", recording);
        Assert.Equal(first, second);
        Assert.Equal(4, first.Count);
    }
}
