using Huawu.Media.Audio;
using Huawu.Speech.Vad;

namespace Huawu.Speech.Endpointing;

/// <summary>
/// Turns a stream's audio into utterances: feeds a <see cref="IVoiceActivityDetector"/> at its own rate and window
/// and decides, from its per-window probabilities, when speech starts (after <see cref="EndpointingOptions.MinSpeech"/>)
/// and ends (after <see cref="EndpointingOptions.TrailingSilence"/>, or cut at
/// <see cref="EndpointingOptions.MaxUtterance"/>), with start and stop thresholds for hysteresis. It keeps the recent
/// audio so an utterance can be taken from <see cref="EndpointingOptions.PreRoll"/> before its onset
/// (<see cref="CopyHistory"/>). Deterministic — every position is a sample count, no clock is read — and
/// allocation-free per frame. One per stream, fed in order from one thread at a time; it does not own the detector.
/// </summary>
public sealed partial class Endpointer
{
    private readonly IVoiceActivityDetector _detector;
    private readonly VadRateConverter _converter;
    private readonly short[] _window;
    private readonly EndpointingEvent[] _events;
    private readonly AudioHistory _history;
    private readonly int _maxBlock;
    private EndpointingOptions _options = null!;
    private int _windowFill;
    private int _eventCount;

    /// <param name="detector">The stream's detector (not shared with another stream).</param>
    /// <param name="sampleRate">The rate of the audio given to <see cref="Process"/> (8–48 kHz; see <see cref="IsSupportedRate"/>).</param>
    /// <param name="options">Usable options (<see cref="EndpointingOptions.Validate"/>).</param>
    public Endpointer(IVoiceActivityDetector detector, int sampleRate, EndpointingOptions options)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Unusable endpointing options: " + string.Join("; ", errors), nameof(options));
        if (!IsSupportedRate(sampleRate, detector.SampleRate))
        {
            throw new ArgumentException($"Audio at {sampleRate} Hz cannot be brought to the {detector.Name} detector's {detector.SampleRate} Hz.", nameof(sampleRate));
        }
        _detector = detector;
        SampleRate = sampleRate;
        _maxBlock = PcmFrame.SamplesPerFrame(sampleRate);
        _converter = VadRateConverter.Create(sampleRate, detector.SampleRate, _maxBlock);
        _window = new short[detector.WindowSamples];
        // A 20 ms block completes at most this many windows, and each window raises at most three events (onset, start
        // and the end of the one before cannot all happen in one window, but the bound stays simple).
        var windowsPerBlock = ((2 * _maxBlock * detector.SampleRate / sampleRate) / detector.WindowSamples) + 2;
        _events = new EndpointingEvent[3 * windowsPerBlock];
        _history = new AudioHistory(HistoryCapacity(options));
        Options = options;
    }

    /// <summary>The input rate.</summary>
    public int SampleRate { get; }

    /// <summary>Changes the options from the next window on (e.g. when the script moves to another node).</summary>
    public EndpointingOptions Options
    {
        get => _options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var errors = value.Validate();
            if (errors.Count > 0) throw new ArgumentException("Unusable endpointing options: " + string.Join("; ", errors), nameof(value));
            UseValidated(value);
        }
    }

    /// <summary>
    /// <see cref="Options"/> without checking them again: for options checked already, off the media thread (checking
    /// allocates). Allocates only when a longer pre-roll grows the history.
    /// </summary>
    internal void UseValidated(EndpointingOptions options)
    {
        if (ReferenceEquals(options, _options)) return;
        _options = options;
        _history.EnsureCapacity(HistoryCapacity(options));
        ApplyOptions(options);
    }

    /// <summary>Input samples processed since the stream began.</summary>
    public long Position => _history.End;

    /// <summary>The oldest input sample <see cref="CopyHistory"/> can still return.</summary>
    public long HistoryStart => _history.Start;

    /// <summary>The detector's output for the latest window (0 before any).</summary>
    public float LastProbability { get; private set; }

    /// <summary>Whether audio at <paramref name="sampleRate"/> (8–48 kHz, a multiple of 50 Hz) can be brought to the detector's rate.</summary>
    public static bool IsSupportedRate(int sampleRate, int detectorSampleRate) =>
        sampleRate is >= 8000 and <= 48000 && sampleRate % 50 == 0 && VadRateConverter.IsSupported(sampleRate, detectorSampleRate);

    /// <summary>
    /// Takes the next block of audio, at most 20 ms (a whole frame is usual), and returns what it made happen, valid
    /// until the next call.
    /// </summary>
    public ReadOnlySpan<EndpointingEvent> Process(ReadOnlySpan<short> block)
    {
        if (block.Length > _maxBlock)
        {
            throw new ArgumentException($"Blocks are at most {_maxBlock} samples (20 ms); this one has {block.Length}.", nameof(block));
        }
        _eventCount = 0;
        _history.Write(block);
        var converted = _converter.Convert(block);
        while (!converted.IsEmpty)
        {
            var take = Math.Min(converted.Length, _window.Length - _windowFill);
            converted[..take].CopyTo(_window.AsSpan(_windowFill));
            converted = converted[take..];
            _windowFill += take;
            if (_windowFill == _window.Length)
            {
                _windowFill = 0;
                Step(_detector.Process(_window));
            }
        }
        return _events.AsSpan(0, _eventCount);
    }

    /// <summary>The stream has ended: closes an utterance in progress (<see cref="UtteranceEndReason.EndOfStream"/>).</summary>
    public ReadOnlySpan<EndpointingEvent> Finish()
    {
        _eventCount = 0;
        EndOfStream();
        return _events.AsSpan(0, _eventCount);
    }

    /// <summary>
    /// Copies the input audio from <paramref name="fromSample"/> (clamped to <see cref="HistoryStart"/>) up to
    /// <see cref="Position"/>; returns how many samples. On <see cref="EndpointingEventKind.SpeechStarted"/>, pass the
    /// event's start minus the pre-roll to get the utterance from its beginning.
    /// </summary>
    public int CopyHistory(long fromSample, Span<short> destination) => _history.CopyFrom(fromSample, destination);

    /// <summary>The position <see cref="EndpointingOptions.PreRoll"/> before <paramref name="sample"/> (not before 0).</summary>
    public long PreRollStart(long sample) => Math.Max(0, sample - ToSamples(_options.PreRoll, SampleRate));

    /// <summary>Starts a new stream: forgets the audio, the state and the detector's memory.</summary>
    public void Reset()
    {
        _detector.Reset();
        _converter.Reset();
        _history.Clear();
        _windowFill = 0;
        _eventCount = 0;
        LastProbability = 0;
        ResetState();
    }

    private void Emit(EndpointingEventKind kind, long startSample, long endSample, UtteranceEndReason reason) =>
        _events[_eventCount++] = new EndpointingEvent(kind, ToInput(startSample), ToInput(endSample), reason, SampleRate);

    /// <summary>A detector-rate position as an input-rate one: the converter's delay taken off, then scaled.</summary>
    private long ToInput(long detectorSample) => Math.Max(0, detectorSample - _converter.Latency) * SampleRate / _detector.SampleRate;

    private int HistoryCapacity(EndpointingOptions options) =>
        (int)ToSamples(options.PreRoll + options.MinSpeech, SampleRate) + (2 * _window.Length * SampleRate / _detector.SampleRate) + (2 * _maxBlock);

    private static long ToSamples(TimeSpan duration, int rate) => duration.Ticks * rate / TimeSpan.TicksPerSecond;
}
