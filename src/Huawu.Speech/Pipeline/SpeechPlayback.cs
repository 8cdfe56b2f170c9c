namespace Huawu.Speech.Pipeline;

/// <summary>
/// Something the robot says (<see cref="VoicePipeline.Say"/>, <see cref="VoicePipeline.Play"/>,
/// <see cref="VoicePipeline.Speak"/>): queued behind what it says already, played from its first audio on while the rest
/// is still being produced, and ended by its last sample, a barge-in, <see cref="VoicePipeline.StopSpeaking"/> or a
/// failure of its source — <see cref="Completion"/> says which.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The producer task that uses the token source disposes it when it ends (ReleaseProduction); the handle outlives it.")]
public sealed partial class SpeechPlayback
{
    private readonly TaskCompletionSource<PipelineEvent.PlaybackEnded> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _production = new();
    private int _stopRequested;

    internal SpeechPlayback(long id, string? text, PipelineTurn? replyTo, long requested)
    {
        Id = id;
        Text = text;
        ReplyTo = replyTo;
        Requested = requested;
    }

    public long Id { get; }

    /// <summary>What it says, when it was given as text (for the transcript).</summary>
    public string? Text { get; }

    /// <summary>Completes when the playback has ended, with how.</summary>
    public Task<PipelineEvent.PlaybackEnded> Completion => _completion.Task;

    /// <summary>The turn this is the reply to: its latency is measured when this playback's first packet goes out.</summary>
    internal PipelineTurn? ReplyTo { get; }

    /// <summary>Timestamp when the dialogue asked for it.</summary>
    internal long Requested { get; }

    /// <summary>Stops the source producing more (a barge-in, a stop); safe from any thread, off the media thread.</summary>
    internal CancellationToken Production => _production.Token;

    internal bool StopRequested => Volatile.Read(ref _stopRequested) != 0;

    internal void RequestStop() => Volatile.Write(ref _stopRequested, 1);

    internal void StopProducing()
    {
        try
        {
            _production.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The producer has finished and released its token.
        }
    }

    internal void Complete(PipelineEvent.PlaybackEnded ended) => _completion.TrySetResult(ended);

    internal void ReleaseProduction() => _production.Dispose();
}
