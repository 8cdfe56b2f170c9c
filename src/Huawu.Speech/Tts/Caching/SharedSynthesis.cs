namespace Huawu.Speech.Tts.Caching;

/// <summary>
/// One synthesis that several requests for the same utterance read together: each reader gets every chunk from the
/// first, as it arrives. It runs until done unless every reader leaves first, which cancels it.
/// </summary>
internal sealed class SharedSynthesis : IDisposable
{
    private readonly object _gate = new();
    private readonly List<SynthesizedAudio> _chunks = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _done;
    private bool _disposed;
    private Exception? _error;

    /// <summary>Readers still reading; changed only under the cache decorator's lock.</summary>
    public int Readers { get; set; }

    public CancellationToken Stopping => _stop.Token;

    public bool IsDone
    {
        get
        {
            lock (_gate) return _done;
        }
    }

    public void Add(SynthesizedAudio chunk) => Signal(() => _chunks.Add(chunk));

    public void Finish(Exception? error) => Signal(() =>
    {
        _done = true;
        _error = error;
    });

    public void Stop()
    {
        lock (_gate)
        {
            if (!_disposed) _stop.Cancel();
        }
    }

    /// <summary>The chunks from <paramref name="index"/> on as they come; ends as the synthesis ends (with its error).</summary>
    public async IAsyncEnumerable<SynthesizedAudio> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        for (var index = 0; ; index++)
        {
            SynthesizedAudio? chunk;
            Task changed;
            while (true)
            {
                lock (_gate)
                {
                    chunk = index < _chunks.Count ? _chunks[index] : null;
                    if (chunk is null && _done)
                    {
                        if (_error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
                        yield break;
                    }
                    changed = _changed.Task;
                }
                if (chunk is not null) break;
                await changed.WaitAsync(cancellation);
            }
            // The consumer owns what it is given: each reader gets its own copy of the samples.
            yield return chunk with { Samples = (short[])chunk.Samples.Clone() };
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stop.Dispose();
        }
    }

    private void Signal(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
