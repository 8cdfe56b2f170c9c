using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Speech.Asr;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Pipeline;
using Huawu.Speech.Vad;
using Huawu.Testing;

namespace Huawu.Benchmarks.Speech;

/// <summary>
/// A call's voice pipeline per 20 ms frame on the media thread (receive, then send), as one call costs the node. The
/// embedded energy detector runs on real 8 kHz speech (aepyx_8k.wav, looped); the recognizer's session drops the audio,
/// so the figure is the pipeline's own work (an engine's queueing is its own). Three states of a call:
/// <list type="bullet">
/// <item><c>listening</c>: a turn waits for the caller, the robot quiet (the caller's audio is line noise).</item>
/// <item><c>caller speaking</c>: an utterance streams to the recognizer (at 16 kHz: with the conversion).</item>
/// <item><c>robot speaking</c>: the robot's audio is read and the echo guard follows it, a turn listening with barge-in.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class PipelineFrameBenchmarks
{
    private const int Frames = 500;
    private static readonly ReadOnlyMemory<short> RobotSecond = Tone(8000, 8000);
    private VoicePipeline _pipeline = null!;
    private SpeechPlayback? _robot;
    private short[] _audio = null!;
    private PcmFrame _received = null!;
    private PcmFrame _sent = null!;
    private long _tick;
    private int _at;

    [Params("listening", "caller speaking", "robot speaking")]
    public string State { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var clip = AudioClip.Load(SharedData.PathOf("testdata/audio/vad/aepyx_8k.wav"));
        // Line noise for the quiet states: −60 dBFS white noise.
        var noise = new Random(7);
        _audio = State == "caller speaking" ? clip.Samples.ToArray() : [.. Enumerable.Range(0, 8000 * 10).Select(_ => (short)noise.Next(-30, 31))];
        _received = new PcmFrame(8000);
        _sent = new PcmFrame(8000);
        _pipeline = new VoicePipeline(8000, VoiceActivityDetectorFactory.Energy(), new DiscardingRecognizer(State == "caller speaking" ? 16000 : 8000));
        // An utterance that never ends (the recording's pauses are shorter than an hour), and a turn that never times out.
        _pipeline.Listen(new ListenOptions
        {
            Endpointing = ListenOptions.ConversationalEndpointing with { TrailingSilence = TimeSpan.FromHours(1), MaxUtterance = TimeSpan.FromDays(1) },
            NoInputTimeout = TimeSpan.FromDays(1),
        });
        if (State == "robot speaking")
        {
            // The benchmark is the robot's producer: a second of audio whenever a second has been read.
            _robot = _pipeline.Speak(Endless);
            _robot.Add(RobotSecond, 1);
        }
        Run(Frames * 10);
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Frames)]
    public int Frame() => Run(Frames);

    private int Run(int frames)
    {
        var sent = 0;
        for (var i = 0; i < frames; i++)
        {
            if (_at + 160 > _audio.Length) _at = 0;
            _audio.AsSpan(_at, 160).CopyTo(_received.Samples);
            _at += 160;
            var tick = new MediaTick(_tick, _tick * TimeSpan.TicksPerMillisecond * 20);
            if (_robot is not null && _tick % 50 == 0) _robot.Add(RobotSecond, 1);
            _tick++;
            _pipeline.Write(tick, _received);
            if (_pipeline.TryRead(tick, _sent)) sent++;
        }
        return sent;
    }

    private static async IAsyncEnumerable<Huawu.Speech.Tts.SynthesizedAudio> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await Task.Delay(Timeout.Infinite, cancellation);
        yield break;
    }

    private static ReadOnlyMemory<short> Tone(int samples, short level) =>
        Enumerable.Range(0, samples).Select(n => (short)(level * Math.Sin(2 * Math.PI * 300 * n / 8000))).ToArray();

    /// <summary>A recognizer whose sessions drop what they are given and never answer.</summary>
    private sealed class DiscardingRecognizer(int sampleRate) : ISpeechRecognizer
    {
        public string Name => "discard";

        public int SampleRate => sampleRate;

        public bool IsStreaming => true;

        public IRecognitionSession StartSession(RecognitionOptions options) => new Session();

        public void Dispose()
        {
        }

        private sealed class Session : IRecognitionSession
        {
            private readonly Channel<RecognitionResult> _results = Channel.CreateUnbounded<RecognitionResult>();

            public ChannelReader<RecognitionResult> Results => _results.Reader;

            public void AcceptAudio(ReadOnlySpan<short> samples)
            {
            }

            public void Complete() => _results.Writer.TryComplete();

            public ValueTask DisposeAsync()
            {
                _results.Writer.TryComplete();
                return ValueTask.CompletedTask;
            }
        }
    }
}
