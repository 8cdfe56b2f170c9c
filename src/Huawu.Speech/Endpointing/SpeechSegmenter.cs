using Huawu.Media.Audio;
using Huawu.Speech.Vad;

namespace Huawu.Speech.Endpointing;

/// <summary>
/// Endpointing over a whole recording, 20 ms frame after frame exactly as on a call, collecting the utterances
/// (<c>huawu vad FILE.wav</c>, and for engines that transcribe VAD segments).
/// </summary>
public static class SpeechSegmenter
{
    /// <param name="detector">A fresh (or reset) detector; it is reset when done.</param>
    /// <param name="sampleRate">The recording's rate.</param>
    /// <param name="samples">The recording, mono. A last partial frame is ignored.</param>
    /// <param name="options">How to endpoint.</param>
    public static IReadOnlyList<SpeechSegment> Segment(IVoiceActivityDetector detector, int sampleRate, ReadOnlySpan<short> samples, EndpointingOptions options)
    {
        var endpointer = new Endpointer(detector, sampleRate, options);
        var frame = PcmFrame.SamplesPerFrame(sampleRate);
        var segments = new List<SpeechSegment>();
        for (var at = 0; at + frame <= samples.Length; at += frame)
        {
            Collect(endpointer.Process(samples.Slice(at, frame)), segments);
        }
        Collect(endpointer.Finish(), segments);
        endpointer.Reset();
        return segments;
    }

    private static void Collect(ReadOnlySpan<EndpointingEvent> events, List<SpeechSegment> segments)
    {
        foreach (var e in events)
        {
            if (e.Kind == EndpointingEventKind.SpeechEnded) segments.Add(new SpeechSegment(e.StartSample, e.EndSample, e.Reason, e.SampleRate));
        }
    }
}
