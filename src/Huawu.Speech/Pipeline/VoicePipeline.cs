using System.Collections.Concurrent;
using System.Threading.Channels;
using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Speech.Asr;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Vad;

namespace Huawu.Speech.Pipeline;

/// <summary>
/// The voice of one call, between its media and its dialogue. As an <see cref="IAudioSink"/> it takes every received
/// 20 ms frame (tap it on the call): VAD endpointing, barge-in, the turn's timers, and the utterance streamed to the
/// recognizer. As an <see cref="IAudioSource"/> it gives what the robot says, 20 ms per tick (transmit it on the call).
/// The dialogue drives it with <see cref="Listen"/>, <see cref="Say"/>/<see cref="Play"/>/<see cref="Speak"/> and
/// <see cref="StopSpeaking"/>, and reacts to <see cref="Events"/>.
/// <para>
/// Threads: <see cref="Write"/> and <see cref="TryRead"/> run on the media thread, one phase after the other; their work
/// per frame is bounded and allocates nothing (engines run off it: the recognizer queues, synthesis runs in tasks). The
/// dialogue's calls may come from any thread and never wait for the media thread. All times come from one clock, the
/// media clock's <see cref="TimeProvider"/>.
/// </para>
/// </summary>
public sealed partial class VoicePipeline : IAudioSink, IAudioSource, IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ISpeechRecognizer _recognizer;
    private readonly EchoGuardedDetector _detector;
    private readonly EchoGuard _echo;
    private readonly Endpointer _endpointer;
    private readonly Channel<PipelineEvent> _events = Channel.CreateUnbounded<PipelineEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<SpeechPlayback> _playbacks = new();
    private readonly ConcurrentQueue<char> _keys = new();
    private readonly PolyphaseResampler? _toRecognizer;
    private readonly short[] _piece;
    private readonly short[] _converted;
    private long _nextTurnId;
    private long _nextPlaybackId;
    private PipelineTurn? _requestedTurn;
    private PipelineTurn? _awaitingReply;
    private int _busy;
    private int _disposed;

    /// <param name="sampleRate">The call's audio rate (8 kHz for G.711, 16 kHz wideband): frames at another rate are ignored.</param>
    /// <param name="vad">Makes the call's detector.</param>
    /// <param name="recognizer">The (shared) recognizer each turn's utterance streams to.</param>
    /// <param name="time">The media clock's time.</param>
    /// <param name="echo">The echo guard's settings; the defaults otherwise.</param>
    /// <exception cref="SpeechEngineException">The detector cannot start.</exception>
    public VoicePipeline(int sampleRate, IVoiceActivityDetectorFactory vad, ISpeechRecognizer recognizer, TimeProvider? time = null, EchoGuardOptions? echo = null)
    {
        ArgumentNullException.ThrowIfNull(vad);
        ArgumentNullException.ThrowIfNull(recognizer);
        SampleRate = sampleRate;
        _piece = new short[PcmFrame.SamplesPerFrame(sampleRate)];
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
        StartedAt = _time.GetUtcNow();
        _recognizer = recognizer;
        _echo = new EchoGuard(echo ?? new EchoGuardOptions());
        _detector = new EchoGuardedDetector(vad.Create(sampleRate), _echo);
        _endpointer = new Endpointer(_detector, sampleRate, ListenOptions.ConversationalEndpointing);
        if (recognizer.SampleRate != sampleRate) _toRecognizer = new PolyphaseResampler(sampleRate, recognizer.SampleRate);
        _converted = new short[Math.Max(_toRecognizer?.MaxOutputLength(_piece.Length) ?? 0, _toRecognizer?.Latency ?? 0)];
    }

    /// <summary>The call's audio rate.</summary>
    public int SampleRate { get; }

    /// <summary>What happens, in order; read by one reader (the dialogue). Completes when the pipeline is disposed.</summary>
    public ChannelReader<PipelineEvent> Events => _events.Reader;

    /// <summary>The echo return loss learnt on this call so far (dB; see <see cref="EchoGuardOptions"/>).</summary>
    public float EchoReturnLoss => _echo.EchoReturnLoss;

    /// <summary>When the pipeline started: its events' times count from here.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Time since the pipeline started, on its clock: the time base of its events.</summary>
    public TimeSpan Now => _time.GetElapsedTime(_start);

    /// <summary>
    /// Ends the pipeline: stops listening and speaking (each turn and playback gets its ending event) and completes
    /// <see cref="Events"/>. Detach it from the call first; a tick still running is waited for.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Bounded: a tick's work takes microseconds; yield to it rather than tear its state down under it.
        for (var i = 0; i < 1000 && Volatile.Read(ref _busy) != 0; i++) await Task.Delay(1);
        StopListening();
        var now = _time.GetTimestamp();
        while (_playbacks.TryDequeue(out var playback)) Finish(playback, PlaybackOutcome.Stopped, now);
        _events.Writer.TryComplete();
        _detector.Dispose();
    }

    private bool Enter()
    {
        Interlocked.Increment(ref _busy);
        if (Volatile.Read(ref _disposed) == 0) return true;
        Interlocked.Decrement(ref _busy);
        return false;
    }

    private void Leave() => Interlocked.Decrement(ref _busy);

    private TimeSpan CallTime(long timestamp) => _time.GetElapsedTime(_start, timestamp);

    private TimeSpan Between(long from, long to) => from == 0 || to == 0 ? TimeSpan.Zero : _time.GetElapsedTime(from, to);

    private void Publish(PipelineEvent happened) => _events.Writer.TryWrite(happened);
}
