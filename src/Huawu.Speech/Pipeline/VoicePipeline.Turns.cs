using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Dtmf;

namespace Huawu.Speech.Pipeline;

// Turns from the dialogue's side: starting one (its recognizer session made here, off the media thread), reading the
// recognizer's results, and deciding the turn's one result, whichever thread gets there first.
public sealed partial class VoicePipeline
{
    /// <summary>
    /// Starts a turn: from the next tick the caller's next utterance (or keys) is this turn's answer. A turn still open is
    /// ended first (<see cref="PipelineEvent.ListenStopped"/>). Listening may start while the robot still speaks: with
    /// <see cref="ListenOptions.BargeIn"/> the caller may interrupt it; the no-input timer waits for the robot to finish.
    /// </summary>
    /// <exception cref="ArgumentException">The options are unusable (<see cref="ListenOptions.Validate"/>).</exception>
    public PipelineTurn Listen(ListenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Unusable listen options: " + string.Join("; ", errors), nameof(options));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var turn = new PipelineTurn(Interlocked.Increment(ref _nextTurnId), options, _recognizer.StartSession(options.Recognition));
        var previous = Interlocked.Exchange(ref _requestedTurn, turn);
        if (previous is not null) Stop(previous);
        _ = ReadAsync(turn);
        return turn;
    }

    /// <summary>
    /// A key the caller pressed (RFC 4733 or SIP INFO, from the call): taken at the next tick by the open turn — over a
    /// robot it may interrupt, as a barge-in — and dropped when no turn takes input.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is not one of the 16 DTMF keys.</exception>
    public void PressKey(char key)
    {
        if (!DtmfInput.IsKey(key)) throw new ArgumentOutOfRangeException(nameof(key), key, "not a DTMF key");
        _keys.Enqueue(key);
    }

    /// <summary>Ends the open turn, if any, without an answer (<see cref="PipelineEvent.ListenStopped"/>).</summary>
    public void StopListening()
    {
        if (Interlocked.Exchange(ref _requestedTurn, null) is { } previous) Stop(previous);
    }

    private void Stop(PipelineTurn turn) => Decide(turn, new PipelineEvent.ListenStopped(Now, turn.Id));

    /// <summary>Decides the turn off the media thread, and stops its readers (which then release its session).</summary>
    private void Decide(PipelineTurn turn, PipelineEvent result)
    {
        if (Claim(turn, result)) turn.StopReading();
    }

    /// <summary>Decides from the media thread, and stops the readers off it (cancellation runs callbacks inline).</summary>
    private void DecideOnMediaThread(PipelineTurn turn, PipelineEvent result)
    {
        if (Claim(turn, result)) ThreadPool.UnsafeQueueUserWorkItem(static t => t.StopReading(), turn, preferLocal: false);
    }

    /// <summary>
    /// Publishes <paramref name="result"/> as the turn's one result unless another thread got there first. A spoken answer
    /// waits for its reply, whose first packet measures the turn. In this order, so whoever awaits the turn finds the event
    /// published and its reply measured.
    /// </summary>
    private bool Claim(PipelineTurn turn, PipelineEvent result)
    {
        if (!turn.TryClaim()) return false;
        if (result is PipelineEvent.Recognized) Volatile.Write(ref _awaitingReply, turn);
        Publish(result);
        turn.Complete(result);
        return true;
    }

    /// <summary>Reads the turn's speech and keys until it is decided, then releases the session.</summary>
    private async Task ReadAsync(PipelineTurn turn)
    {
        await Task.WhenAll(ReadSpeechAsync(turn), ReadKeysAsync(turn));
        await turn.Session.DisposeAsync();
        turn.ReleaseReading();
    }

    /// <summary>Partials become events while the turn is open; the first final decides it; a failure is a no match.</summary>
    private async Task ReadSpeechAsync(PipelineTurn turn)
    {
        try
        {
            await foreach (var result in turn.Session.Results.ReadAllAsync(turn.Reading))
            {
                if (turn.IsDecided) break;
                if (!result.IsFinal)
                {
                    Publish(new PipelineEvent.PartialRecognized(Now, turn.Id, result));
                    continue;
                }
                TakeFinal(turn, result);
                break;
            }
            // Results ended without a final: nothing was recognized.
            if (!turn.IsDecided) Decide(turn, new PipelineEvent.NoMatch(Now, turn.Id, NoMatchReason.NothingRecognized));
        }
        catch (OperationCanceledException) when (turn.Reading.IsCancellationRequested)
        {
            // The turn was decided elsewhere (no input, a timeout, keys, a new turn).
        }
#pragma warning disable CA1031 // Whatever ended the results (an engine's failure, or a bug in it), the turn must not wait forever.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Decide(turn, new PipelineEvent.NoMatch(Now, turn.Id, NoMatchReason.EngineFailed, Error: e.Message));
        }
    }

    /// <summary>Keys so far become partials; a complete entry (enough keys, the terminator, the inter-key timeout) decides the turn.</summary>
    private async Task ReadKeysAsync(PipelineTurn turn)
    {
        try
        {
            await foreach (var result in turn.Keys.Results.ReadAllAsync(turn.Reading))
            {
                if (turn.IsDecided) break;
                if (!result.IsFinal)
                {
                    Publish(new PipelineEvent.PartialRecognized(Now, turn.Id, result));
                    continue;
                }
                Decide(turn, new PipelineEvent.KeysEntered(result.End, turn.Id, result.Text));
                break;
            }
        }
        catch (OperationCanceledException) when (turn.Reading.IsCancellationRequested)
        {
            // Decided elsewhere.
        }
    }

    private void TakeFinal(PipelineTurn turn, RecognitionResult result)
    {
        turn.Final = _time.GetTimestamp();
        var now = CallTime(turn.Final);
        if (string.IsNullOrWhiteSpace(result.Text))
        {
            Decide(turn, new PipelineEvent.NoMatch(now, turn.Id, NoMatchReason.NothingRecognized, result));
        }
        else if (result.Confidence is { } confidence && confidence < turn.Options.MinConfidence)
        {
            Decide(turn, new PipelineEvent.NoMatch(now, turn.Id, NoMatchReason.LowConfidence, result));
        }
        else
        {
            // A final before the endpoint (keyword spotting) has no end of speech yet: the caller may still be talking.
            var end = turn.SpeechEnd == 0 ? now : CallTime(turn.SpeechEnd);
            Decide(turn, new PipelineEvent.Recognized(now, turn.Id, result, CallTime(turn.SpeechStart), end));
        }
    }
}
