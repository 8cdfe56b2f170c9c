using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Dtmf;

namespace Huawu.Speech.Pipeline;

/// <summary>
/// One turn of listening (<see cref="VoicePipeline.Listen"/>): the caller's answer to one question. It ends with exactly
/// one <see cref="Result"/> — <see cref="PipelineEvent.Recognized"/>, <see cref="PipelineEvent.KeysEntered"/>,
/// <see cref="PipelineEvent.NoMatch"/>, <see cref="PipelineEvent.NoInput"/>, or <see cref="PipelineEvent.ListenStopped"/>
/// when the dialogue moved on first — the same event the pipeline's event stream carries.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The reader task that uses the token source disposes it when it ends (ReleaseReading); the handle outlives it.")]
public sealed partial class PipelineTurn
{
    private readonly TaskCompletionSource<PipelineEvent> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _reading = new();
    private int _decided;

    internal PipelineTurn(long id, ListenOptions options, IRecognitionSession session)
    {
        Id = id;
        Options = options;
        Session = session;
        Keys = new DtmfInput(options.MaxKeys, options.KeyTerminator);
    }

    public long Id { get; }

    public ListenOptions Options { get; }

    /// <summary>The event that ended the turn.</summary>
    public Task<PipelineEvent> Result => _result.Task;

    internal IRecognitionSession Session { get; }

    /// <summary>The turn's keys, as results like speech's: fed on the media thread, read with the recognizer's.</summary>
    internal DtmfInput Keys { get; }

    internal bool IsDecided => Volatile.Read(ref _decided) != 0;

    internal CancellationToken Reading => _reading.Token;

    /// <summary>Claims the right to give the turn its one result; false when another thread decided first.</summary>
    internal bool TryClaim() => Interlocked.CompareExchange(ref _decided, 1, 0) == 0;

    /// <summary>Gives the claimed turn its result (continuations run elsewhere).</summary>
    internal void Complete(PipelineEvent result) => _result.TrySetResult(result);

    /// <summary>Stops reading the recognizer's results (the reader then releases the session); off the media thread.</summary>
    internal void StopReading()
    {
        try
        {
            _reading.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The reader has finished and released everything already.
        }
    }

    internal void ReleaseReading() => _reading.Dispose();
}
