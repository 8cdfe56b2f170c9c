using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Pipeline;

// The receive side, on the media thread: each frame goes through the echo guard and the endpointer; its events move the
// turn along (barge-in, utterance start and end), the utterance streams to the recognizer, and the turn's timers run on
// the frames' tick times.
public sealed partial class VoicePipeline
{
    private PipelineTurn? _turn;
    private long _frameTimestamp;
    private long _fedUpTo;
    private int _delayLeft;
    private bool _ignoringUtterance;

    /// <summary>Takes the call's received frame for this tick (media thread).</summary>
    public void Write(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.SampleRate != SampleRate || !Enter()) return;
        try
        {
            _frameTimestamp = tick.Timestamp;
            TakeUpRequestedTurn();
            while (_keys.TryDequeue(out var key)) OnKey(key);
            _echo.OnReceived(frame.Samples);
            foreach (var happened in _endpointer.Process(frame.Samples)) OnEndpointing(happened);
            if (_turn is { Stage: PipelineTurn.Phase.Speaking } speaking) FeedRecognizer(speaking);
            RunTimers();
        }
        finally
        {
            Leave();
        }
    }

    private void TakeUpRequestedTurn()
    {
        var requested = Volatile.Read(ref _requestedTurn);
        if (_turn is { } current && (current != requested || current.IsDecided)) current.Stage = PipelineTurn.Phase.Done;
        if (requested == _turn || requested is null || requested.IsDecided)
        {
            if (_turn is { Stage: PipelineTurn.Phase.Done }) _turn = null;
            return;
        }
        _turn = requested;
        requested.Stage = PipelineTurn.Phase.Listening;
        requested.ListenFrom = _frameTimestamp;
        // From the next window on; checked when the turn was asked for. Growing the history for a longer pre-roll
        // allocates, once per larger setting.
        _endpointer.UseValidated(requested.Options.Endpointing);
    }

    private void OnEndpointing(in EndpointingEvent happened)
    {
        switch (happened.Kind)
        {
            case EndpointingEventKind.SpeechOnset:
                var speaking = IsSpeaking;
                var bargeIn = _turn is { Stage: PipelineTurn.Phase.Listening, Options.BargeIn: true };
                // Over a robot that may not be interrupted, the caller's words are not this turn's answer.
                _ignoringUtterance = speaking && !bargeIn;
                if (speaking && bargeIn) BargeIn(_turn!);
                break;
            case EndpointingEventKind.SpeechStarted when _turn is { Stage: PipelineTurn.Phase.Listening } turn && !_ignoringUtterance:
                turn.Stage = PipelineTurn.Phase.Speaking;
                turn.SpeechStart = TimestampOf(happened.StartSample);
                _fedUpTo = _endpointer.PreRollStart(happened.StartSample);
                _toRecognizer?.Reset();
                _delayLeft = _toRecognizer?.Latency ?? 0;
                Publish(new PipelineEvent.UtteranceStarted(CallTime(_frameTimestamp), turn.Id, CallTime(turn.SpeechStart)));
                break;
            case EndpointingEventKind.SpeechEnded when _turn is { Stage: PipelineTurn.Phase.Speaking } turn:
                FeedRecognizer(turn);
                FinishRecognizerInput(turn);
                turn.Stage = PipelineTurn.Phase.Recognizing;
                turn.SpeechEnd = TimestampOf(happened.EndSample);
                turn.Endpoint = _frameTimestamp;
                turn.NoMatchDeadline = _frameTimestamp + ToTimestampUnits(turn.Options.NoMatchTimeout);
                Publish(new PipelineEvent.UtteranceEnded(
                    CallTime(_frameTimestamp), turn.Id, CallTime(turn.SpeechStart), CallTime(turn.SpeechEnd), happened.Reason));
                break;
            case EndpointingEventKind.SpeechEnded:
                _ignoringUtterance = false;
                break;
        }
    }

    /// <summary>A key: over a robot that may be interrupted it barges in; the open turn collects it.</summary>
    private void OnKey(char key)
    {
        if (_turn is not { Stage: PipelineTurn.Phase.Listening or PipelineTurn.Phase.Speaking } turn || turn.IsDecided) return;
        if (IsSpeaking)
        {
            if (!turn.Options.BargeIn) return;
            BargeIn(turn);
        }
        turn.Keys.Press(key, CallTime(_frameTimestamp));
        turn.LastKey = _frameTimestamp;
        turn.ListenFrom = _frameTimestamp;
    }

    /// <summary>Streams the input from where the recognizer stands up to now: the pre-roll and onset first, then frame by frame.</summary>
    private void FeedRecognizer(PipelineTurn turn)
    {
        if (turn.IsDecided) return;
        _fedUpTo = Math.Max(_fedUpTo, _endpointer.HistoryStart);
        while (_fedUpTo < _endpointer.Position)
        {
            var count = _endpointer.CopyHistory(_fedUpTo, _piece);
            _fedUpTo += count;
            if (_toRecognizer is null) turn.Session.AcceptAudio(_piece.AsSpan(0, count));
            else AcceptConverted(turn, _toRecognizer.Process(_piece.AsSpan(0, count), _converted));
        }
    }

    /// <summary>The utterance is over: the resampler's last samples go too, and the recognizer finishes.</summary>
    private void FinishRecognizerInput(PipelineTurn turn)
    {
        if (_toRecognizer is not null) AcceptConverted(turn, _toRecognizer.Flush(_converted));
        turn.Session.Complete();
    }

    /// <summary>Hands over converted samples without the resampler's delay, so the recognizer's audio starts where the utterance's does.</summary>
    private void AcceptConverted(PipelineTurn turn, int count)
    {
        var skip = Math.Min(_delayLeft, count);
        _delayLeft -= skip;
        if (count > skip) turn.Session.AcceptAudio(_converted.AsSpan(skip, count - skip));
    }

    private void RunTimers()
    {
        if (_turn is not { } turn || turn.IsDecided) return;
        if (turn.LastKey != 0 && _time.GetElapsedTime(turn.LastKey, _frameTimestamp) >= turn.Options.InterKeyTimeout)
        {
            // An entry shorter than its maximum ends here (nothing, when it ended already).
            turn.LastKey = 0;
            turn.Keys.Flush(CallTime(_frameTimestamp));
        }
        switch (turn.Stage)
        {
            case PipelineTurn.Phase.Listening when !IsSpeaking:
                // Silence counts from when the robot last spoke, or the turn began if later.
                var from = Math.Max(turn.ListenFrom, _lastRobotAudio);
                var waited = _time.GetElapsedTime(from, _frameTimestamp);
                if (waited >= turn.Options.NoInputTimeout) DecideOnMediaThread(turn, new PipelineEvent.NoInput(CallTime(_frameTimestamp), turn.Id, waited));
                break;
            case PipelineTurn.Phase.Recognizing when _frameTimestamp >= turn.NoMatchDeadline:
                DecideOnMediaThread(turn, new PipelineEvent.NoMatch(CallTime(_frameTimestamp), turn.Id, NoMatchReason.Timeout));
                break;
        }
    }

    /// <summary>The timestamp of input sample <paramref name="sample"/>: this frame ends at its tick, and samples before it lie one sample period apart.</summary>
    private long TimestampOf(long sample) =>
        _frameTimestamp - ((_endpointer.Position - sample) * _time.TimestampFrequency / SampleRate);

    private long ToTimestampUnits(TimeSpan duration) => duration.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond;
}
