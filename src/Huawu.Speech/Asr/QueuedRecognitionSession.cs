using System.Buffers;
using System.Threading.Channels;

namespace Huawu.Speech.Asr;

/// <summary>
/// The shape every engine's session shares. <see cref="AcceptAudio"/> only copies the samples into a pooled block and
/// queues it, so the media thread never waits on a decoder, a socket or a server; one worker per session runs the
/// engine's steps in order (<see cref="StartAsync"/>, <see cref="ProcessAsync"/> per block, <see cref="FinishAsync"/>)
/// and publishes results. Failures complete <see cref="Results"/> with the exception (a
/// <see cref="SpeechEngineException"/> for causes outside the program), so a reader never waits forever.
/// </summary>
internal abstract class QueuedRecognitionSession : IRecognitionSession
{
    private readonly Channel<AudioBlock> _audio =
        Channel.CreateUnbounded<AudioBlock>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Channel<RecognitionResult> _results =
        Channel.CreateUnbounded<RecognitionResult>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _worker = Task.CompletedTask;
    private long _samplesProcessed;
    private int _disposed;

    protected QueuedRecognitionSession(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
    }

    /// <summary>The rate of the audio this session takes.</summary>
    protected int SampleRate { get; }

    /// <summary>How much audio the worker has handed to the engine: the offset results are measured against.</summary>
    protected TimeSpan AudioPosition => SamplesToTime(_samplesProcessed);

    public ChannelReader<RecognitionResult> Results => _results.Reader;

    public void AcceptAudio(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return;
        var buffer = ArrayPool<short>.Shared.Rent(samples.Length);
        samples.CopyTo(buffer);
        // After Complete, Dispose or a failure the queue is closed: late audio has nowhere to go and is dropped.
        if (!_audio.Writer.TryWrite(new AudioBlock(buffer, samples.Length))) ArrayPool<short>.Shared.Return(buffer);
    }

    public void Complete() => _audio.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _audio.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
            // The worker was stopped on purpose; its outcome no longer matters.
        }
        await ReleaseAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the worker; derived constructors call it last, once their fields are set.</summary>
    protected void Run() => _worker = Task.Run(RunAsync);

    /// <summary>Prepares the engine (a decoder from the pool, a connection) before the first block.</summary>
    protected virtual Task StartAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Feeds one block of audio to the engine, in arrival order.</summary>
    protected abstract ValueTask ProcessAsync(ReadOnlyMemory<short> samples, CancellationToken cancellation);

    /// <summary>No more audio: the engine delivers its final result(s).</summary>
    protected abstract Task FinishAsync(CancellationToken cancellation);

    /// <summary>Frees what the session holds; runs once, after the worker has stopped.</summary>
    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;

    protected void Publish(RecognitionResult result) => _results.Writer.TryWrite(result);

    /// <summary>
    /// Ends the session with <paramref name="error"/> now, from outside the worker (a connection lost while audio still
    /// flows): the reader sees it at once, and the worker stops.
    /// </summary>
    protected void Fail(Exception error)
    {
        _results.Writer.TryComplete(error);
        _audio.Writer.TryComplete();
        _stop.Cancel();
    }

    protected TimeSpan SamplesToTime(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);

    private async Task RunAsync()
    {
        var cancellation = _stop.Token;
        try
        {
            await StartAsync(cancellation);
            while (await _audio.Reader.WaitToReadAsync(cancellation))
            {
                while (_audio.Reader.TryRead(out var block))
                {
                    try
                    {
                        await ProcessAsync(block.Samples.AsMemory(0, block.Length), cancellation);
                        _samplesProcessed += block.Length;
                    }
                    finally
                    {
                        ArrayPool<short>.Shared.Return(block.Samples);
                    }
                }
            }
            await FinishAsync(cancellation);
            _results.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _results.Writer.TryComplete();
        }
#pragma warning disable CA1031 // The worker's only reader is the Results channel: every failure must reach it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _results.Writer.TryComplete(e);
        }
        finally
        {
            _audio.Writer.TryComplete();
            while (_audio.Reader.TryRead(out var left)) ArrayPool<short>.Shared.Return(left.Samples);
        }
    }

    private readonly record struct AudioBlock(short[] Samples, int Length);
}
