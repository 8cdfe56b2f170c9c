using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Jitter;

namespace Huawu.Media.Streams;

public sealed partial class MediaStream
{
    private readonly Lock _tapGate = new();
    private IAudioSink[] _receivedTaps = [];
    private IAudioSink[] _sentTaps = [];

    /// <summary>Gives every received frame (each tick, silence when none) to <paramref name="sink"/> until the token is disposed.</summary>
    public IDisposable TapReceived(IAudioSink sink) => AddTap(sink, isSent: false);

    /// <summary>Gives every sent frame (each tick, silence when nothing was sent) to <paramref name="sink"/> until the token is disposed.</summary>
    public IDisposable TapSent(IAudioSink sink) => AddTap(sink, isSent: true);

    private Tap AddTap(IAudioSink sink, bool isSent)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_tapGate)
        {
            if (isSent) Volatile.Write(ref _sentTaps, [.. _sentTaps, sink]);
            else Volatile.Write(ref _receivedTaps, [.. _receivedTaps, sink]);
        }
        return new Tap(this, sink, isSent);
    }

    private void RemoveTap(IAudioSink sink, bool isSent)
    {
        lock (_tapGate)
        {
            if (isSent) Volatile.Write(ref _sentTaps, Without(_sentTaps, sink));
            else Volatile.Write(ref _receivedTaps, Without(_receivedTaps, sink));
        }
    }

    private static IAudioSink[] Without(IAudioSink[] taps, IAudioSink sink)
    {
        var index = Array.IndexOf(taps, sink);
        return index < 0 ? taps : [.. taps[..index], .. taps[(index + 1)..]];
    }

    private sealed class Tap(MediaStream stream, IAudioSink sink, bool isSent) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) stream.RemoveTap(sink, isSent);
        }
    }

    /// <summary>Reads the frame this stream received in the current tick's receive phase; nothing while no audio has arrived.</summary>
    private sealed class ReceivedAudioSource(MediaStream stream) : IAudioSource
    {
        public bool TryRead(in MediaTick tick, PcmFrame frame)
        {
            ArgumentNullException.ThrowIfNull(frame);
            var format = stream._format;
            if (format is null || stream._receivedTick != tick.Index || stream._receivedKind == JitterFrameKind.Silence) return false;
            frame.CopyFrom(format.ReceivedFrame);
            return true;
        }
    }
}
