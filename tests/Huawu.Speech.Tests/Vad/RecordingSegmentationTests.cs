using Huawu.Speech.Endpointing;
using Huawu.Speech.Vad;
using Huawu.Testing;
using Xunit.Abstractions;

namespace Huawu.Speech.Tests.Vad;

/// <summary>
/// Every shared recording, segmented by each engine exactly as on a call (20 ms frames at the file's rate, the default
/// endpointing), against the speech regions in <see cref="ReferenceSpeech"/>.
/// </summary>
public sealed class RecordingSegmentationTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var reference in ReferenceSpeech.All)
        {
            cases.Add("energy", reference.File);
            cases.Add("silero", reference.File);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_engine_finds_the_speech_regions_verified_by_hand(string engine, string file)
    {
        var reference = ReferenceSpeech.Named(file);
        var recording = Recording.Load(file);
        var segments = Segment(engine, recording);
        var score = SegmentationScore.Of(reference, segments, recording.Seconds);
        output.WriteLine($"{engine} {file}: recall {score.Recall:P1}, precision {score.Precision:P1}");
        output.WriteLine(string.Join(" ", segments.Select(s => $"{s.Start.TotalSeconds:F2}-{s.End.TotalSeconds:F2}")));

        Assert.True(score.Recall >= 0.9, $"{engine} found only {score.Recall:P1} of the speech in {file}");
        Assert.True(score.Precision >= 0.9, $"{engine}: only {score.Precision:P1} of what it called speech in {file} is speech");
        Assert.Empty(score.OnsetMisses);
    }

    internal static IReadOnlyList<SpeechSegment> Segment(string engine, Recording recording, EndpointingOptions? options = null)
    {
        var factory = engine == "silero"
            ? VoiceActivityDetectorFactory.Silero(SharedData.PathOf("models/silero-vad/silero_vad.onnx"))
            : VoiceActivityDetectorFactory.Energy();
        using var detector = factory.Create(recording.SampleRate);
        return SpeechSegmenter.Segment(detector, recording.SampleRate, recording.Samples, options ?? new EndpointingOptions());
    }
}
