namespace Huawu.Speech.Endpointing;

public sealed partial class Endpointer
{
    private enum State
    {
        Silence,

        /// <summary>Speech has begun but not yet lasted the minimum.</summary>
        Onset,

        /// <summary>Inside an utterance, trailing silence included.</summary>
        Speech,
    }

    // Within an onset, a dip this short (a stop consonant's closure) does not start the count over; a longer one,
    // like the gap between two clicks, does.
    private static readonly TimeSpan OnsetDipTolerance = TimeSpan.FromMilliseconds(80);

    private State _state;
    private long _processed;     // detector samples in completed windows
    private long _onset;         // detector sample where the (candidate) utterance's first speech window began
    private long _lastSpeechEnd; // detector sample where its latest speech window ended
    private long _onsetSpeech;   // detector samples of speech windows since the onset
    private bool _onsetRaised;   // SpeechOnset told for this candidate
    private long _onsetEvent;
    private long _onsetDipLimit;
    private long _minSpeech;
    private long _trailingSilence;
    private long _maxUtterance;

    private void ApplyOptions(EndpointingOptions options)
    {
        var rate = _detector.SampleRate;
        _minSpeech = ToSamples(options.MinSpeech, rate);
        _onsetEvent = Math.Min(_minSpeech, ToSamples(options.OnsetSpeech, rate));
        _trailingSilence = ToSamples(options.TrailingSilence, rate);
        _maxUtterance = ToSamples(options.MaxUtterance, rate);
        _onsetDipLimit = ToSamples(OnsetDipTolerance, rate);
    }

    /// <summary>Advances the state by one window's probability.</summary>
    private void Step(float probability)
    {
        LastProbability = probability;
        var start = _processed;
        var end = start + _window.Length;
        _processed = end;
        // Hysteresis: only a confident window opens a candidate; once open, a weaker one keeps it going.
        switch (_state)
        {
            case State.Silence when probability >= _options.StartThreshold:
                _state = State.Onset;
                _onset = start;
                _onsetSpeech = 0;
                _onsetRaised = false;
                CountOnsetSpeech(end);
                break;
            case State.Onset when probability >= _options.StopThreshold:
                CountOnsetSpeech(end);
                break;
            case State.Onset when end - _lastSpeechEnd > _onsetDipLimit:
                _state = State.Silence;
                break;
            case State.Speech:
                if (probability >= _options.StopThreshold)
                {
                    _lastSpeechEnd = end;
                }
                else if (end - _lastSpeechEnd >= _trailingSilence)
                {
                    Emit(EndpointingEventKind.SpeechEnded, _onset, _lastSpeechEnd, UtteranceEndReason.TrailingSilence);
                    _state = State.Silence;
                    break;
                }
                if (end - _onset >= _maxUtterance)
                {
                    Emit(EndpointingEventKind.SpeechEnded, _onset, end, UtteranceEndReason.MaxUtterance);
                    _state = State.Silence;
                }
                break;
        }
    }

    /// <summary>Counts a speech window towards the minimum speech and starts the utterance once it is reached.</summary>
    private void CountOnsetSpeech(long end)
    {
        _onsetSpeech += _window.Length;
        _lastSpeechEnd = end;
        if (!_onsetRaised && _onsetSpeech >= _onsetEvent)
        {
            _onsetRaised = true;
            Emit(EndpointingEventKind.SpeechOnset, _onset, end, UtteranceEndReason.None);
        }
        if (_onsetSpeech < _minSpeech) return;
        _state = State.Speech;
        Emit(EndpointingEventKind.SpeechStarted, _onset, end, UtteranceEndReason.None);
    }

    private void EndOfStream()
    {
        if (_state == State.Speech) Emit(EndpointingEventKind.SpeechEnded, _onset, _lastSpeechEnd, UtteranceEndReason.EndOfStream);
        _state = State.Silence;
    }

    private void ResetState()
    {
        _state = State.Silence;
        _processed = 0;
        _onset = 0;
        _lastSpeechEnd = 0;
        _onsetSpeech = 0;
        _onsetRaised = false;
    }
}
