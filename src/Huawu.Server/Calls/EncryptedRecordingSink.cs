using System.Buffers;
using System.Buffers.Binary;
using Huawu.Data.Recordings;
using Huawu.Media.Audio;

namespace Huawu.Server.Calls;

/// <summary>
/// A call recording into the store's encrypted writer (<see cref="IRecordingWriter"/>: sealed chunks, never plain audio on
/// disk). Recording starts at answer, on the media thread, before the store has written the recording's row: until
/// <see cref="Attach"/> hands over the writer, audio waits in a pooled buffer (up to <see cref="MaxPendingSeconds"/>;
/// beyond that it is counted in <see cref="DroppedBytes"/>). <see cref="Complete"/> (at hang-up) seals the recording once
/// the writer is there; <see cref="Completion"/> tells the outcome: the recording, or null when it was discarded.
/// A short lock orders the media thread's writes against the hand-over; it is held only to copy audio.
/// </summary>
internal sealed class EncryptedRecordingSink : IRecordingSink
{
    public const int MaxPendingSeconds = 30;

    private readonly Lock _gate = new();
    private readonly RecordingFormat _format;
    private readonly byte[] _block;
    private readonly int _maxPendingBytes;
    private readonly TaskCompletionSource<RecordingInfo?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _pending;
    private int _pendingLength;
    private IRecordingWriter? _writer;
    private bool _completeRequested;
    private bool _discarded;

    public EncryptedRecordingSink(RecordingFormat format)
    {
        if (format.Codec != AudioCodec.Pcm16 || format.Channels != 2) throw new ArgumentException("A call recording is stereo PCM16.", nameof(format));
        _format = format;
        _block = new byte[2 * 2 * PcmFrame.SamplesPerFrame(format.SampleRate)];
        _maxPendingBytes = MaxPendingSeconds * format.SampleRate * 2 * 2;
    }

    public int SampleRate => _format.SampleRate;

    /// <summary>The recording once sealed; null when it was discarded (the call ended first, the store refused it). Faults when sealing failed.</summary>
    public Task<RecordingInfo?> Completion => _completion.Task;

    /// <summary>Audio lost because the writer came later than <see cref="MaxPendingSeconds"/> after answer.</summary>
    public long DroppedBytes { get; private set; }

    public void Write(ReadOnlySpan<short> interleaved)
    {
        lock (_gate)
        {
            if (_discarded) return;
            while (!interleaved.IsEmpty)
            {
                var count = Math.Min(interleaved.Length, _block.Length / 2);
                // The recording's bytes are little-endian PCM16 whatever the machine (RecordingFormat, WAV).
                for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt16LittleEndian(_block.AsSpan(2 * i), interleaved[i]);
                var bytes = _block.AsSpan(0, 2 * count);
                if (_writer is { } writer) writer.Write(bytes);
                else Hold(bytes);
                interleaved = interleaved[count..];
            }
        }
    }

    /// <summary>The recording stopped: seal it now, or as soon as the writer is attached.</summary>
    public void Complete()
    {
        IRecordingWriter? writer;
        lock (_gate)
        {
            if (_completeRequested || _discarded) return;
            _completeRequested = true;
            writer = _writer;
        }
        if (writer is not null) _ = SealAsync(writer);
    }

    /// <summary>The store's writer for this recording: what waited goes first, then the audio as it comes.</summary>
    public void Attach(IRecordingWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        bool seal;
        lock (_gate)
        {
            if (_discarded || _writer is not null) throw new InvalidOperationException("This recording is already attached or discarded.");
            if (_pending is { } pending)
            {
                writer.Write(pending.AsSpan(0, _pendingLength));
                ReleasePending();
            }
            _writer = writer;
            seal = _completeRequested;
        }
        if (seal) _ = SealAsync(writer);
    }

    /// <summary>Drops what waited and records nothing (no writer will come).</summary>
    public void Discard()
    {
        lock (_gate)
        {
            if (_writer is not null) throw new InvalidOperationException("An attached recording is completed, not discarded.");
            _discarded = true;
            ReleasePending();
        }
        _completion.TrySetResult(null);
    }

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength + bytes.Length > _maxPendingBytes)
        {
            DroppedBytes += bytes.Length;
            return;
        }
        if (_pending is null || _pendingLength + bytes.Length > _pending.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(16 * 1024, 2 * (_pendingLength + bytes.Length)));
            _pending?.AsSpan(0, _pendingLength).CopyTo(larger);
            if (_pending is not null) ArrayPool<byte>.Shared.Return(_pending);
            _pending = larger;
        }
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    private void ReleasePending()
    {
        if (_pending is not null) ArrayPool<byte>.Shared.Return(_pending);
        _pending = null;
        _pendingLength = 0;
    }

    private async Task SealAsync(IRecordingWriter writer)
    {
        await using (writer)
        {
            try
            {
                _completion.TrySetResult(await writer.CompleteAsync());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Disposing the writer below removes the partial file and its row; the owner of Completion reports it.
                _completion.TrySetException(e);
            }
        }
    }
}
