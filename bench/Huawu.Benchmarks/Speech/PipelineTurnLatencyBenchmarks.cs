using BenchmarkDotNet.Attributes;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Speech.Asr;
using Huawu.Speech.Configuration;
using Huawu.Speech.Pipeline;
using Huawu.Speech.Tts;
using Huawu.Speech.Vad;

namespace Huawu.Benchmarks.Speech;

/// <summary>
/// Turn latency with the embedded engines, in real time on a real media clock: an Asterisk prompt (8 kHz telephone
/// speech) is the caller's answer, pocketsphinx recognizes it against a grammar, espeak-ng says back "You said …"
/// (uncached), the energy detector endpoints it. Each iteration's setup plays the answer (cut after its last audible
/// sample); the measured operation is what follows, from the answer's end to the reply's first packet: what the caller
/// waits, on the wall clock. The pipeline's own figures per turn (end of the last speech window → first packet, and
/// its split) are printed at the end, p50 and p95.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[IterationCount(40)]
[WarmupCount(3)]
public class PipelineTurnLatencyBenchmarks
{
    private static readonly string[] Answers = ["hello-world", "auth-thankyou", "vm-goodbye", "tt-weasels"];
    private static readonly string[] Grammar = ["hello world", "thank you", "goodbye", "weasels have eaten our phone system", "yes", "no"];
    private readonly List<TurnLatency> _turns = [];
    private readonly List<string> _heard = [];
    private CallRig _call = null!;
    private ISpeechRecognizer _recognizer = null!;
    private ITextToSpeech _tts = null!;
    private VoicePipeline _pipeline = null!;
    private short[][] _answers = null!;
    private int _next;

    [Params(200)]
    public int TrailingSilenceMs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _answers = [.. Answers.Select(name => WithoutTrailingQuiet(AudioClip.Load($"/usr/share/asterisk/sounds/en/{name}.wav").Samples))];
        _recognizer = SpeechRecognizers.TryCreate("pocketsphinx", new AsrOptions(), "models", TimeProvider.System, out var error)
                      ?? throw new InvalidOperationException(error);
        _tts = TtsBenchmarkAudio.Espeak();
        _pipeline = new VoicePipeline(8000, VoiceActivityDetectorFactory.Energy(), _recognizer);
        _call = new CallRig(_pipeline);
        _ = DialogueAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _call.Dispose();
        _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _recognizer.Dispose();
        Console.WriteLine($"// {_turns.Count} turns, heard: {string.Join(" | ", _heard.Distinct())}");
        Print("total (end of speech → first packet)", t => t.Total);
        Print("recognition (endpoint → final)", t => t.Recognition);
        Print("synthesis (reply → first audio)", t => t.Synthesis);
        Print("pipeline overhead", t => t.Overhead);
    }

    [IterationSetup]
    public void PlayAnswer()
    {
        _pipeline.StopSpeaking();
        _pipeline.Listen(new ListenOptions
        {
            Endpointing = ListenOptions.ConversationalEndpointing with { TrailingSilence = TimeSpan.FromMilliseconds(TrailingSilenceMs) },
            Recognition = new RecognitionOptions { Grammar = Grammar, Language = "en-US" },
        });
        // Half a second of quiet, then the answer, played in real time; returns at its last sample.
        _call.Play(new short[4000]);
        _call.Play(_answers[_next++ % _answers.Length]);
    }

    /// <summary>From the answer's last sample to the reply's first packet, on the wall clock.</summary>
    [Benchmark]
    public void AnswerToReply() => _call.WaitForRobot(TimeSpan.FromSeconds(5));

    private async Task DialogueAsync()
    {
        await foreach (var happened in _pipeline.Events.ReadAllAsync())
        {
            switch (happened)
            {
                case PipelineEvent.Recognized heard:
                    lock (_heard) _heard.Add(heard.Result.Text);
                    _pipeline.Say(_tts, SpeechText.Plain($"You said {heard.Result.Text}."), "en-us");
                    break;
                case PipelineEvent.NoMatch:
                    _pipeline.Say(_tts, SpeechText.Plain("Sorry?"), "en-us");
                    break;
                case PipelineEvent.TurnMeasured measured:
                    lock (_turns) _turns.Add(measured.Latency);
                    break;
            }
        }
    }

    /// <summary>The prompt up to its last audible sample, so that the measured operation starts where the speech ends.</summary>
    private static short[] WithoutTrailingQuiet(ReadOnlySpan<short> prompt)
    {
        var end = prompt.Length;
        while (end > 0 && Math.Abs((int)prompt[end - 1]) < 300) end--;
        return prompt[..end].ToArray();
    }

    private void Print(string what, Func<TurnLatency, TimeSpan> of)
    {
        List<double> values;
        lock (_turns) values = [.. _turns.Select(t => of(t).TotalMilliseconds).Order()];
        if (values.Count == 0) return;
        Console.WriteLine($"// {what}: p50 {values[values.Count / 2]:0} ms, p95 {values[Math.Min(values.Count - 1, values.Count * 95 / 100)]:0} ms, max {values[^1]:0} ms");
    }

    /// <summary>
    /// A media clock driving the pipeline as a call does: the receive phase writes the caller's audio (what
    /// <see cref="Play"/> queued, else silence), the send phase reads the robot's and notes its first packet.
    /// </summary>
    private sealed class CallRig : IDisposable
    {
        private readonly MediaClock _clock = new(TimeProvider.System);
        private readonly VoicePipeline _pipeline;
        private readonly PcmFrame _received = new(8000);
        private readonly PcmFrame _sent = new(8000);
        private readonly SemaphoreSlim _played = new(0);
        private readonly SemaphoreSlim _robot = new(0);
        private short[]? _playing;
        private int _at;
        private bool _robotWasSpeaking;

        public CallRig(VoicePipeline pipeline)
        {
            _pipeline = pipeline;
            _clock.Subscribe(new Handler(Receive), MediaTickPhase.Receive);
            _clock.Subscribe(new Handler(Send), MediaTickPhase.Send);
            _clock.Start();
        }

        public void Play(short[] audio)
        {
            Volatile.Write(ref _playing, audio);
            if (!_played.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("the clock did not play the audio");
        }

        public void WaitForRobot(TimeSpan patience)
        {
            if (!_robot.Wait(patience)) throw new TimeoutException("no reply");
        }

        public void Dispose() => _clock.Dispose();

        private void Receive(MediaTick tick)
        {
            var audio = Volatile.Read(ref _playing);
            if (audio is null)
            {
                _received.Clear();
            }
            else
            {
                var count = Math.Min(160, audio.Length - _at);
                audio.AsSpan(_at, count).CopyTo(_received.Samples);
                _received.Samples[count..].Clear();
                _at += count;
                if (_at >= audio.Length)
                {
                    _at = 0;
                    Volatile.Write(ref _playing, null);
                    _played.Release();
                }
            }
            _pipeline.Write(tick, _received);
        }

        private void Send(MediaTick tick)
        {
            var speaking = _pipeline.TryRead(tick, _sent);
            if (speaking && !_robotWasSpeaking) _robot.Release();
            _robotWasSpeaking = speaking;
        }

        private sealed class Handler(Action<MediaTick> onTick) : IMediaTickHandler
        {
            public void OnTick(in MediaTick tick) => onTick(tick);
        }
    }
}
